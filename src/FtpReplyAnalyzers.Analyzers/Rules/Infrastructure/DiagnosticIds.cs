namespace FtpReplyAnalyzers.Rules;

/// <summary>The rule ids, in one place.</summary>
public static class DiagnosticIds
{
    /// <summary>Transient negative reply (4xx) treated as fatal without retry.</summary>
    public const string TransientReplyGivenUp = "FTPR0001";

    /// <summary>Positive completion reply (2xx) handled as an error.</summary>
    public const string PositiveCompletionAsError = "FTPR0002";
}
