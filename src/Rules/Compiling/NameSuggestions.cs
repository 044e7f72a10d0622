using System.Reflection;
using System.Text.RegularExpressions;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The "did you mean" of an expression that names something that does not exist: for an unknown member, the nearest
/// members of the model type it was looked up on; for an unknown identifier, the nearest of the names in scope (the
/// subject, <c>design</c>, <c>asOf</c>, the pack's parameters and derived values). Nearest by edit distance
/// (<see cref="NearestNames"/>); only the model's own public members count, never those of <see cref="object"/>.
/// </summary>
internal static partial class NameSuggestions
{
    private static readonly Assembly ModelAssembly = typeof(TenderDesign).Assembly;

    // What records and classes get from object or the compiler, not members a rule would mean.
    private static readonly HashSet<string> ObjectMethods = ["Equals", "GetHashCode", "ToString", "Deconstruct", "GetType", "CompareTo"];

    /// <summary>"; did you mean 'X'?" for a parse error about an unknown name, else "." to end the sentence.</summary>
    public static string For(string parseMessage, ExpressionInput input)
    {
        var suggestions = Candidates(parseMessage, input);
        return suggestions is { Count: > 0 } ? NearestNames.DidYouMean(suggestions) : ".";
    }

    private static IReadOnlyList<string>? Candidates(string parseMessage, ExpressionInput input)
    {
        if (UnknownMember().Match(parseMessage) is { Success: true } member)
        {
            var type = ModelType(member.Groups["type"].Value);
            return type is null ? null : NearestNames.Find(member.Groups["name"].Value, Members(type));
        }

        if (UnknownIdentifier().Match(parseMessage) is { Success: true } identifier)
        {
            var inScope = input.Parameters.Select(p => p.Name!).Concat(input.Externals.Keys);
            return NearestNames.Find(identifier.Groups["name"].Value, inScope);
        }

        return null;
    }

    private static Type? ModelType(string name)
    {
        var plain = name.TrimEnd('?');
        return ModelAssembly.GetExportedTypes().FirstOrDefault(t => t.Name == plain && !t.IsGenericTypeDefinition);
    }

    private static IEnumerable<string> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType?.Assembly == ModelAssembly && p.GetIndexParameters().Length == 0)
            .Select(p => p.Name)
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.DeclaringType?.Assembly == ModelAssembly && !m.IsSpecialName && !ObjectMethods.Contains(m.Name) && !m.Name.Contains('<', StringComparison.Ordinal))
                .Select(m => m.Name));

    [GeneratedRegex("^No (?:property or field|applicable method) '(?<name>[^']+)' exists in type '(?<type>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnknownMember();

    [GeneratedRegex("^Unknown identifier '(?<name>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnknownIdentifier();
}
