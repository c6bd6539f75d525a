using Microsoft.Playwright;

namespace Tallyroom.Browser.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright, shared by every browser test. Playwright never downloads a browser here: it
/// launches /usr/bin/chromium. Without it the tests fail, and say how to install it; they never skip.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. The browser tests drive Debian's Chromium and never download one: install it with 'apt-get install -y chromium'.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<Chromium>
{
    public const string Name = "Chromium";
}
