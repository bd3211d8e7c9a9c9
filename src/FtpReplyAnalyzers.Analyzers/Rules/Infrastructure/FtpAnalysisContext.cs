using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Libraries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>What one compilation's analysis holds: the FTP libraries it uses, the retry context, the check methods, and per file the options.</summary>
internal sealed class FtpAnalysisContext
{
    private FtpAnalysisContext(FtpLibraries libraries)
    {
        Libraries = libraries;
        Retry = new RetryContext(libraries);
        Checks = new CheckMethods(libraries);
    }

    /// <summary>The FTP libraries of the compilation, and hand-written clients.</summary>
    public FtpLibraries Libraries { get; }

    public RetryContext Retry { get; }

    /// <summary>The project's own check methods that throw unless the reply is one their caller names.</summary>
    public CheckMethods Checks { get; }

    /// <summary>The context, or null when the compilation speaks no FTP: then nothing is registered.</summary>
    public static FtpAnalysisContext? TryCreate(Compilation compilation, AnalyzerOptions options)
        => FtpLibraries.TryCreate(compilation, options.AnalyzerConfigOptionsProvider) is { } libraries ? new FtpAnalysisContext(libraries) : null;

    /// <summary>True when a code block's file may hold FTP code and the user did not exclude its symbol.</summary>
    public bool Covers(SyntaxTree tree, ISymbol symbol) => Libraries.IsFtpTree(tree) && !Libraries.OptionsFor(tree).IsExcluded(symbol);

    /// <summary>A block's facts, found by one walk of its operations.</summary>
    public ReplyBlock FactsFor(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner)
        => ReplyBlock.Compute(blocks, new Recognition.ConditionEvaluator(new Recognition.ReplyRecognizer(Libraries, owner)), Checks);
}
