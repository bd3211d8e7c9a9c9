namespace FtpReplyAnalyzers.Rules;

/// <summary>The rule ids, in one place.</summary>
public static class DiagnosticIds
{
    /// <summary>Transient negative reply (4xx) treated as fatal without retry.</summary>
    public const string TransientReplyGivenUp = "FTPR0001";

    /// <summary>Positive completion reply (2xx) handled as an error.</summary>
    public const string PositiveCompletionAsError = "FTPR0002";

    /// <summary>Permanent negative reply (5xx) retried.</summary>
    public const string PermanentReplyRetried = "FTPR0003";

    /// <summary>Positive preliminary reply (1xx) treated as final.</summary>
    public const string PreliminaryReplyAsFinal = "FTPR0004";

    /// <summary>Positive intermediate reply (3xx) handled as an error.</summary>
    public const string IntermediateReplyAsError = "FTPR0005";

    /// <summary>Negative reply (4xx/5xx) treated as success.</summary>
    public const string NegativeReplyAsSuccess = "FTPR0006";

    /// <summary>Reply code not in the catalog.</summary>
    public const string UnknownReplyCode = "FTPR0007";

    /// <summary>Reply code written as a number.</summary>
    public const string ReplyCodeAsNumber = "FTPR0008";

    /// <summary>An option of the package set to a key or value it cannot use.</summary>
    public const string InvalidOption = "FTPR0009";
}
