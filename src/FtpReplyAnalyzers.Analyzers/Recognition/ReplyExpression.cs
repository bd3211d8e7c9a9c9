using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>How an expression holds an FTP reply.</summary>
internal enum ReplyValueKind
{
    /// <summary>A <c>System.Net.FtpStatusCode</c> value, or one cast to a number.</summary>
    StatusCode,

    /// <summary>A reply code held as a number by a hand-written client.</summary>
    Number,

    /// <summary>A reply code as text ("426"), or a reply line whose first three characters are the code.</summary>
    Text,

    /// <summary>The reply category: FluentFTP's <c>FtpResponseType</c> (the first digit).</summary>
    Category,

    /// <summary>FluentFTP's <c>FtpReply.Success</c>: true for 1xx to 3xx.</summary>
    SuccessFlag,
}

/// <summary>An expression recognised as an FTP reply code (or category, or success flag).</summary>
internal sealed class ReplyExpression
{
    public ReplyExpression(ReplyValueKind kind, IOperation operation, IOperation? receiver, FtpLibrary? library = null)
    {
        Kind = kind;
        Operation = operation;
        Receiver = receiver;
        Library = library;
    }

    /// <summary>The library whose type or member holds the reply; null for the codes of hand-written clients.</summary>
    public FtpLibrary? Library { get; }

    public ReplyValueKind Kind { get; }

    /// <summary>The expression itself, conversions removed.</summary>
    public IOperation Operation { get; }

    /// <summary>The object the reply was read from (the reply, the response, the caught exception), if any.</summary>
    public IOperation? Receiver { get; }

    /// <summary>The local, parameter, field or property at the root of the expression, used to tell two reads of the same reply apart from reads of two replies.</summary>
    public ISymbol? RootSymbol => OperationHelpers.RootSymbolOf(Receiver is null or IInstanceReferenceOperation ? Operation : Receiver);
}
