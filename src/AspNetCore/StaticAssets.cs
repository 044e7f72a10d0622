using System.Collections.Frozen;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The pages (<c>wwwroot/</c>) and the Monaco editor (<c>monaco/vs/</c>) embedded in the assembly, served with their
/// content type; pages get the anti-forgery token in place of <c>{{token}}</c> and the content security policy.
/// </summary>
internal static class StaticAssets
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Assets = new(Load);

    /// <summary>The pages by their URL name (the page's path under the prefix).</summary>
    public static readonly FrozenDictionary<string, string> Pages = new Dictionary<string, string>
    {
        [""] = "index.html",
        ["regels"] = "regels.html",
        ["vergelijken"] = "vergelijken.html",
        ["monitoring"] = "monitoring.html",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Serves the asset at <paramref name="path"/> (relative to the prefix), or 404.</summary>
    public static IResult Serve(HttpContext context, string path, string token)
    {
        var name = path.StartsWith("monaco/vs/", StringComparison.Ordinal) ? path : "wwwroot/" + path;
        if (path.Contains("..", StringComparison.Ordinal) || !Assets.Value.TryGetValue(name, out var bytes))
        {
            return Problems.NotFound($"Er is geen bestand '{path}'.");
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!ContentTypes.TryGetContentType(name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.CacheControl = "no-cache";
            var page = Encoding.UTF8.GetString(bytes).Replace("{{token}}", WebUtility.HtmlEncode(token), StringComparison.Ordinal);
            return Results.Text(page, "text/html; charset=utf-8", Encoding.UTF8);
        }

        // The editor's files change only with the package; the pages' own scripts and styles with every edit.
        headers.CacheControl = name.StartsWith("monaco/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        return Results.Bytes(bytes, contentType);
    }

    /// <summary>Serves a page by its URL name; <c>P</c> without its trailing slash is redirected to <c>P/</c> so that relative URLs resolve.</summary>
    public static IResult Page(HttpContext context, string page, string token)
    {
        var request = context.Request;
        if (page.Length == 0 && !(request.Path.Value ?? string.Empty).EndsWith('/'))
        {
            return Results.Redirect($"{request.PathBase}{request.Path}/{request.QueryString}");
        }

        return Serve(context, Pages[page], token);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("wwwroot/", StringComparison.Ordinal) && !name.StartsWith("monaco/vs/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = copy.ToArray();
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
