using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Reads the retry fix's settings from .editorconfig (dotnet_diagnostic.FTPR0001.max_retries, .first_delay_ms): a value
/// that is not valid gives the default, as the analyzer's FTPR0009 warning says.
/// </summary>
internal static class RetrySettingsReader
{
    public static RetrySettings Read(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return new RetrySettings(RetryOptions.MaxRetries.Read(options), RetryOptions.FirstDelayMilliseconds.Read(options));
    }
}
