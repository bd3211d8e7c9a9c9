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
        Retry = new RetryContext(types);
    }

    public FtpKnownTypes Types { get; }

    public ReplyRecognizer Recognizer { get; }

    public ConditionEvaluator Evaluator { get; }

    public RetryContext Retry { get; }

    /// <summary>The context, or null when the compilation speaks no FTP.</summary>
    /// <summary>One context per compilation, shared by all the rules: the gate, the types and the caches are computed once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Holder> Shared = new();

    public static FtpAnalysisContext? TryCreate(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var holder = Shared.GetValue(compilation, c => new Holder(Create(c, provider), provider));

        // Another analysis of the same compilation with other options (rare: a host re-running with new .editorconfig) gets its own.
        return ReferenceEquals(holder.Options, provider) ? holder.Context : Create(compilation, provider);
    }

    private static FtpAnalysisContext? Create(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider provider)
        => FtpKnownTypes.TryCreate(compilation, provider) is { } types ? new FtpAnalysisContext(types) : null;

    private sealed class Holder
    {
        public Holder(FtpAnalysisContext? context, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options)
        {
            Context = context;
            Options = options;
        }

        public FtpAnalysisContext? Context { get; }

        public Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider Options { get; }
    }

    /// <summary>True when the operation's file may hold FTP code and the user did not exclude the code around it.</summary>
    public bool Covers(IOperation operation, ISymbol? containingSymbol)
        => Types.IsFtpTree(operation.Syntax.SyntaxTree) && !Types.OptionsFor(operation.Syntax.SyntaxTree).IsExcluded(containingSymbol);

    /// <summary>True when a code block's file may hold FTP code and the user did not exclude its symbol.</summary>
    public bool Covers(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owningSymbol)
        => !blocks.IsEmpty && Covers(blocks[0], owningSymbol);
}
