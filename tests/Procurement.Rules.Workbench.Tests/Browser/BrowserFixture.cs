using Microsoft.Playwright;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>
/// One headless Chromium (the Debian package, driven by Playwright for .NET) shared by the browser tests; Playwright's
/// own browser download is not used. Without /usr/bin/chromium every browser test is skipped with the reason.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where the Debian package puts the browser; .ci/run installs it.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>The running browser, or null when Chromium is not installed.</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>The reason the browser tests are skipped, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium); the workbench pages were not opened in a browser.";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests share one browser and run one after the other (two cores are shared by many).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser";
}
