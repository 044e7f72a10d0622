using System.Collections.Immutable;
using System.Text;

namespace Procurement.Rules.Loading.Syntax;

/// <summary>One part of a message template: literal text or an <c>{expression}</c> placeholder.</summary>
internal abstract class MessagePart
{
    private protected MessagePart()
    {
    }
}

/// <summary>Literal text of a message, with <c>{{</c> and <c>}}</c> already turned into single braces.</summary>
internal sealed class LiteralPart(string text) : MessagePart
{
    public string Text { get; } = text;
}

/// <summary>A <c>{expression}</c> placeholder: the expression's text and the index in the message where it starts.</summary>
internal sealed class PlaceholderPart(string expression, int offset) : MessagePart
{
    public string Expression { get; } = expression;

    /// <summary>Index of the expression's first character in the message text (just after the <c>{</c>).</summary>
    public int Offset { get; } = offset;
}

/// <summary>
/// A message template as written, split once into literal text and placeholders. A <c>{</c> without a closing
/// <c>}</c> ends the parts; <see cref="UnclosedAt"/> says where it stands.
/// </summary>
internal sealed class MessageSyntax
{
    private MessageSyntax(ExpressionSource source, ImmutableArray<MessagePart> parts, int? unclosedAt)
    {
        Source = source;
        Parts = parts;
        UnclosedAt = unclosedAt;
        Names = ExpressionSyntax.NamesIn(source.Text);
    }

    public ExpressionSource Source { get; }

    public string Text => Source.Text;

    /// <summary>Literal text and placeholders in order; literal parts (possibly empty) stand before and after each placeholder.</summary>
    public ImmutableArray<MessagePart> Parts { get; }

    /// <summary>Index of a <c>{</c> that has no closing <c>}</c>, or null when the template is well formed.</summary>
    public int? UnclosedAt { get; }

    /// <summary>The identifiers anywhere in the message text, literal or placeholder, each once in order of first appearance.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The message tokenizer: <c>{{</c> and <c>}}</c> are literal braces, <c>{expression}</c> a placeholder.</summary>
    public static MessageSyntax Parse(ExpressionSource source)
    {
        var text = source.Text;
        var parts = ImmutableArray.CreateBuilder<MessagePart>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                parts.Add(new LiteralPart(literal.ToString()));
                return new MessageSyntax(source, parts.ToImmutable(), i);
            }

            parts.Add(new LiteralPart(literal.ToString()));
            literal.Clear();
            parts.Add(new PlaceholderPart(text[(i + 1)..end], i + 1));
            i = end;
        }

        parts.Add(new LiteralPart(literal.ToString()));
        return new MessageSyntax(source, parts.ToImmutable(), null);
    }
}
