using System.Text;

namespace Procurement.Rules.Model.Yaml;

/// <summary>How C# names appear in YAML files.</summary>
public static class YamlNames
{
    /// <summary>The YAML names of an enum's values, computed once per enum type.</summary>
    internal static class EnumValues<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, T> ByName =
            System.Enum.GetValues<T>().ToDictionary(v => Kebab(v.ToString()), StringComparer.Ordinal);
    }

    /// <summary>The YAML name of a C# name: <c>SelectiveTender</c> becomes <c>selective-tender</c>.</summary>
    /// <param name="pascal">A name in Pascal case.</param>
    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
