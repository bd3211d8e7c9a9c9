using System.Globalization;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>Reads the retry fix's settings from .editorconfig (dotnet_diagnostic.FTPR0001.max_retries, .first_delay_ms).</summary>
internal static class RetrySettingsReader
{
    public const string MaxRetriesKey = "dotnet_diagnostic.FTPR0001.max_retries";
    public const string FirstDelayKey = "dotnet_diagnostic.FTPR0001.first_delay_ms";

    public static RetrySettings Read(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var retries = Read(options, MaxRetriesKey, RetrySettings.Default.MaxRetries, 1, 100);
        var delay = Read(options, FirstDelayKey, RetrySettings.Default.FirstDelayMilliseconds, 0, 3_600_000);
        return new RetrySettings(retries, delay);
    }

    private static int Read(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string key, int fallback, int min, int max)
        => options.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : fallback;
}
