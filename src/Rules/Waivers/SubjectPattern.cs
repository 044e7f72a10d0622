namespace Procurement.Rules.Waivers;

/// <summary>
/// The subject of a waiver: a subject path as findings name it, in which <c>*</c> stands for any text (none included).
/// Matching is ordinal and linear in practice; a pattern without <c>*</c> matches only the exact path.
/// </summary>
internal static class SubjectPattern
{
    /// <summary>Whether <paramref name="pattern"/> is a subject path, with <c>*</c> allowed inside the ids.</summary>
    public static bool IsValid(string pattern) =>
        SubjectReference.TryParse(pattern.Replace('*', 'x'), out var reference) && reference.Path == pattern.Replace('*', 'x');

    /// <summary>Whether <paramref name="subject"/> matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string subject)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(pattern, subject, StringComparison.Ordinal);
        }

        // Greedy wildcard match with one backtrack point: the last '*' seen absorbs one more character on a mismatch.
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < subject.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (p < pattern.Length && pattern[p] == subject[s])
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
