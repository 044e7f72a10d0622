namespace Procurement.Rules.Model;

/// <summary>Joins names for a message, showing no more than rules show of any list, so a message stays bounded.</summary>
internal static class NameList
{
    /// <summary>How many names are shown; the same as the items of a list a rule message shows.</summary>
    public const int ShownNames = 20;

    /// <summary>The first <see cref="ShownNames"/> names, comma-separated, followed by how many more there are.</summary>
    public static string Join(IEnumerable<string> names)
    {
        var shown = new List<string>(Math.Min(ShownNames, 4));
        var more = 0;
        foreach (var name in names)
        {
            if (shown.Count < ShownNames)
            {
                shown.Add(name);
            }
            else
            {
                more++;
            }
        }

        var text = string.Join(", ", shown);
        return more == 0 ? text : $"{text}, … (en nog {more})";
    }
}
