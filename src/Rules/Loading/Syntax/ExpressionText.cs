namespace Procurement.Rules.Loading.Syntax;

/// <summary>Scans expression text without parsing it: finds identifiers and checks the shape limits that protect the recursive parser.</summary>
internal static class ExpressionText
{
    /// <summary>Index of the first identifier token equal to <paramref name="name"/> (case-insensitive), outside string literals; -1 if none.</summary>
    public static int FindIdentifier(string text, string name)
    {
        foreach (var (start, length) in Identifiers(text))
        {
            if (length == name.Length && string.Compare(text, start, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return start;
            }
        }

        // Operators such as "=>" are not identifiers; look for the plain text instead.
        return name.Length > 0 && !char.IsLetter(name[0]) ? text.IndexOf(name, StringComparison.Ordinal) : -1;
    }

    /// <summary>Every identifier token as (start, length), skipping string and character literals.</summary>
    public static IEnumerable<(int Start, int Length)> Identifiers(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipLiteral(text, i);
                continue;
            }

            if (char.IsLetter(c) || c == '_' || c == '@')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '@'))
                {
                    i++;
                }

                yield return (start, i - start);
                continue;
            }

            i++;
        }
    }

    /// <summary>The first violation of the shape limits as (index, reason), or null when the text is within them.</summary>
    public static (int Index, string Reason)? CheckShape(string text, RuleLimits limits)
    {
        if (text.Length > limits.MaxExpressionLength)
        {
            return (0, $"the expression is {text.Length:N0} characters long, over {limits.MaxExpressionLength:N0} (limit MaxExpressionLength)");
        }

        var depth = 0;
        var unaryRun = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipLiteral(text, i);
                unaryRun = 0;
                continue;
            }

            if (char.IsLetter(c) || c == '_' || c == '@')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '@'))
                {
                    i++;
                }

                // The parser takes the keyword 'not' like '!', one recursive call each: it counts towards the same run.
                if (i - start == 3 && string.Compare(text, start, "not", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    if (++unaryRun > limits.MaxUnaryRun)
                    {
                        return (start, $"more than {limits.MaxUnaryRun} operators in a row (limit MaxUnaryRun)");
                    }
                }
                else
                {
                    unaryRun = 0;
                }

                continue;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    if (depth > limits.MaxNesting)
                    {
                        return (i, $"brackets are nested more than {limits.MaxNesting} deep (limit MaxNesting)");
                    }

                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }

            if (c is '!' or '-' or '+' or '~')
            {
                unaryRun++;
                if (unaryRun > limits.MaxUnaryRun)
                {
                    return (i, $"more than {limits.MaxUnaryRun} operators in a row (limit MaxUnaryRun)");
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                unaryRun = 0;
            }

            i++;
        }

        return null;
    }

    private static int SkipLiteral(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(text.Length, i + 1);
    }
}
