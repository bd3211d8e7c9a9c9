namespace FtpReplyAnalyzers.Catalog;

/// <summary>The first digit of an FTP reply code (RFC 959 section 4.2.1, RFC 2228 for 6yz).</summary>
public enum ReplyCategory
{
    /// <summary>Not a reply code of any category (outside 100-699).</summary>
    None = 0,
    /// <summary>1yz: another reply follows.</summary>
    PositivePreliminary = 1,
    /// <summary>2yz: the command succeeded.</summary>
    PositiveCompletion = 2,
    /// <summary>3yz: send the next command of the sequence.</summary>
    PositiveIntermediate = 3,
    /// <summary>4yz: temporary failure; the request may be repeated.</summary>
    TransientNegativeCompletion = 4,
    /// <summary>5yz: permanent failure; do not repeat the same request.</summary>
    PermanentNegativeCompletion = 5,
    /// <summary>6yz: protected reply whose text must be decoded first.</summary>
    Protected = 6,
}

/// <summary>The second digit of an FTP reply code.</summary>
public enum ReplyGroup
{
    Syntax = 0,
    Information = 1,
    Connections = 2,
    AuthenticationAndAccounting = 3,
    Unspecified = 4,
    FileSystem = 5,
}

/// <summary>What a client should do with a reply (the catalog's handling keys).</summary>
[System.Flags]
public enum ReplyHandling
{
    None = 0,
    /// <summary>W: wait for the final reply.</summary>
    Wait = 1 << 0,
    /// <summary>OK: treat as success.</summary>
    Success = 1 << 1,
    /// <summary>NEXT: continue the command sequence.</summary>
    Continue = 1 << 2,
    /// <summary>R: retry with a bound and a backoff.</summary>
    Retry = 1 << 3,
    /// <summary>RC: reconnect, then retry.</summary>
    ReconnectThenRetry = 1 << 4,
    /// <summary>SW: switch the data-connection mode (EPSV/PASV/PORT).</summary>
    SwitchDataMode = 1 << 5,
    /// <summary>REST: resume the transfer from the offset reached.</summary>
    ResumeWithRest = 1 << 6,
    /// <summary>NR: do not retry unchanged.</summary>
    DoNotRetry = 1 << 7,
    /// <summary>DEC: decode the protected reply, then classify the inner one.</summary>
    Decode = 1 << 8,
}
