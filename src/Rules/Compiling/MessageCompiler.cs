using System.Collections.Immutable;
using System.Linq.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Compiles a rule's message template: literal parts as they are, each placeholder parsed like any expression and read
/// on first use through a delegate compiled then. A rule without a message shows its title (or its id).
/// </summary>
internal static class MessageCompiler
{
    public static Diagnosed<MessageTemplate<T>> Compile<T>(LayeredRule rule, RuleSignature signature, RuleScope scope, ExpressionPipeline expressions)
        where T : class
    {
        if (rule.Rule.Message is not { } message)
        {
            return Pass.Ok<MessageTemplate<T>>(new MessageTemplate<T>([rule.Rule.Title ?? rule.Rule.Id.Value]));
        }

        var diagnostics = ImmutableArray.CreateBuilder<LoadError>();
        var parts = new List<object>();
        foreach (var part in message.Parts)
        {
            if (part is LiteralPart literal)
            {
                parts.Add(literal.Text);
                continue;
            }

            var placeholder = (PlaceholderPart)part;
            var parsed = expressions.Parse(new ExpressionInput(message.Source, placeholder.Expression, placeholder.Offset, signature.Visible, null, scope.Externals, RuleErrorCodes.InvalidPlaceholder));
            diagnostics.AddRange(parsed.Errors);
            if (parsed.Value is { } lambda)
            {
                parts.Add(Reader<T>(placeholder.Expression, LetInlining.Inline(lambda.Body, scope), signature, rule.Rule.Id.Value));
            }
        }

        if (message.UnclosedAt is { } at)
        {
            diagnostics.Add(ExpressionErrors.At(message.Source, at, RuleErrorCodes.InvalidPlaceholder, "A '{' in the message has no closing '}'; write '{{' for a literal brace."));
        }

        return new Diagnosed<MessageTemplate<T>>(new MessageTemplate<T>(parts), diagnostics.ToImmutable());
    }

    // Guarded like a clause; a list it shows is built only as far as a report shows it. Compiled on first read.
    private static ValueReader<T> Reader<T>(string text, Expression inlined, RuleSignature signature, string ruleId)
        where T : class
    {
        var guarded = EvaluationGuards.Apply(inlined, signature.Cancellation, ruleId);
        var body = Expression.Convert(QuantifierLoops.ApplyForDisplay(guarded, ValueFormatter.ShownItems), typeof(object));
        var reader = new Lazy<Func<T, TenderDesign, DateOnly, CancellationToken, object?>>(
            () => Expression.Lambda<Func<T, TenderDesign, DateOnly, CancellationToken, object?>>(body, signature.Compiled).Compile(), LazyThreadSafetyMode.ExecutionAndPublication);
        return new ValueReader<T>(text, (s, d, a, c) => reader.Value(s, d, a, c));
    }
}
