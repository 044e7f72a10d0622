using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>
/// One browser page on a workbench server: its own browser context (downloads allowed), every console error and
/// uncaught page error collected (a Content-Security-Policy violation shows up there), screenshots under
/// .artifacts/screenshots, and small helpers to drive the Monaco editor the way a user does (cursor, keyboard).
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private PageSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>Opens a page of the server (a path relative to its prefix, e.g. "regels").</summary>
    public static async Task<PageSession> OpenAsync(BrowserFixture browser, WorkbenchServer server, string path = "")
    {
        if (browser.Browser is null)
        {
            Assert.Skip(browser.SkipReason ?? "no browser");
        }

        var context = await browser.Browser.NewContextAsync(new()
        {
            AcceptDownloads = true,
            ViewportSize = new() { Width = 1440, Height = 900 },
            Locale = "nl-NL",
        });
        context.SetDefaultTimeout(30_000);

        // Expectations wait as long as actions do: on a 2-core CI machine the test suites, the package builds of the doc
        // tests and the server share the cores, and running every rule test with coverage can take over 5 seconds.
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        await page.GotoAsync(server.Url(path));
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return session;
    }

    /// <summary>Saves a screenshot as .artifacts/screenshots/{name}.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(RepositoryRoot(), ".artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = file });
        return file;
    }

    /// <summary>
    /// Fails when the page logged an error (a failed script, a blocked resource, a CSP violation), apart from the
    /// messages containing one of <paramref name="expected"/> (the browser logs every refused request, e.g. a 409).
    /// </summary>
    public void AssertNoErrors(params string[] expected)
    {
        lock (_errors)
        {
            Assert.DoesNotContain(_errors, error => !expected.Any(e => error.Contains(e, StringComparison.Ordinal)));
        }
    }

    /// <summary>Puts the editor's cursor at a line and column and gives it the keyboard focus.</summary>
    public async Task SetCursorAsync(int line, int column)
    {
        await Page.Locator(".monaco-editor").First.ClickAsync();
        await Page.EvaluateAsync(
            "([line, column]) => { const e = monaco.editor.getEditors()[0]; e.setPosition({ lineNumber: line, column }); e.revealLineInCenter(line); e.focus(); }",
            new[] { line, column });
    }

    /// <summary>The editor's cursor line.</summary>
    public Task<int> CursorLineAsync() =>
        Page.EvaluateAsync<int>("() => monaco.editor.getEditors()[0].getPosition().lineNumber");

    /// <summary>The editor's text.</summary>
    public Task<string> EditorTextAsync() =>
        Page.EvaluateAsync<string>("() => monaco.editor.getEditors()[0].getValue()");

    /// <summary>The 1-based line of the first line of the editor text that contains a piece of text.</summary>
    public async Task<int> LineOfAsync(string text)
    {
        var lines = (await EditorTextAsync()).Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in the editor");
        return index + 1;
    }

    /// <summary>Waits until the editor has a marker of the workbench for a rule id at a line.</summary>
    public Task WaitForMarkerAsync(string ruleId, int line) =>
        Page.WaitForFunctionAsync(
            "([code, line]) => monaco.editor.getModelMarkers({ owner: 'procurement' }).some(m => m.code === code && m.startLineNumber === line)",
            new object[] { ruleId, line });

    /// <summary>The markers of the workbench as (code, line, severity) rows.</summary>
    public async Task<IReadOnlyList<(string Code, int Line, int Severity)>> MarkersAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>(
            "() => monaco.editor.getModelMarkers({ owner: 'procurement' }).map(m => ({ code: String(m.code ?? ''), line: m.startLineNumber, severity: m.severity }))");
        return [.. json.EnumerateArray().Select(m => (m.GetProperty("code").GetString()!, m.GetProperty("line").GetInt32(), m.GetProperty("severity").GetInt32()))];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    /// <summary>The folder with Procurement.Rules.sln above the test binaries.</summary>
    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Procurement.Rules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
