using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Rules;

/// <summary>What one compilation's analysis shares: the FTP types, the recogniser, the evaluator, the retry context.</summary>
internal sealed class FtpAnalysisContext
{
    private FtpAnalysisContext(FtpKnownTypes types)
    {
        Types = types;
        Recognizer = new ReplyRecognizer(types);
        Evaluator = new ConditionEvaluator(Recognizer);
        Retry = new RetryContext();
    }

    public FtpKnownTypes Types { get; }

    public ReplyRecognizer Recognizer { get; }

    public ConditionEvaluator Evaluator { get; }

    public RetryContext Retry { get; }

    /// <summary>The context, or null when the compilation speaks no FTP.</summary>
    public static FtpAnalysisContext? TryCreate(Compilation compilation)
        => FtpKnownTypes.TryCreate(compilation) is { } types ? new FtpAnalysisContext(types) : null;

    /// <summary>True when the operation's file may hold FTP code.</summary>
    public bool Covers(IOperation operation) => Types.IsFtpTree(operation.Syntax.SyntaxTree);
}
