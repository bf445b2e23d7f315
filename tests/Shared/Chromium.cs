namespace Negotiation.Testing;

/// <summary>
/// Debian's headless Chromium for the browser tests (.ci/run installs it): the CHROMIUM environment variable, else
/// /usr/bin/chromium; null when absent, so that a test can skip saying why. Shared by every test project.
/// </summary>
internal static class Chromium
{
    public static string? Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CHROMIUM");
            var path = string.IsNullOrEmpty(configured) ? "/usr/bin/chromium" : configured;
            return File.Exists(path) ? path : null;
        }
    }
}
