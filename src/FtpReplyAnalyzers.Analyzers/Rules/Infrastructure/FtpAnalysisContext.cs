using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Rules;

/// <summary>What one compilation's analysis shares: the FTP types, the retry context, and each code block's <see cref="ReplyBlock"/>.</summary>
internal sealed class FtpAnalysisContext
{
    private FtpAnalysisContext(FtpKnownTypes types)
    {
        Types = types;
        Retry = new RetryContext(types);
    }

    public FtpKnownTypes Types { get; }

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

    /// <summary>True when a code block's file may hold FTP code and the user did not exclude its symbol.</summary>
    public bool Covers(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owningSymbol)
        => !blocks.IsEmpty && Types.IsFtpTree(blocks[0].Syntax.SyntaxTree) && !Types.OptionsFor(blocks[0].Syntax.SyntaxTree).IsExcluded(owningSymbol);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, ReplyBlock> _blocks = new();

    /// <summary>
    /// The block's reply facts, found by the first rule that asks and read by the others (the driver hands every
    /// analyzer the same operation trees). Two rules asking at once may both compute it; one result is kept.
    /// </summary>
    public ReplyBlock BlockOf(System.Collections.Immutable.ImmutableArray<IOperation> blocks)
    {
        if (_blocks.TryGetValue(blocks[0], out var found))
        {
            return found;
        }

        var computed = ReplyBlock.Compute(blocks, new ConditionEvaluator(new ReplyRecognizer(Types)));
        return _blocks.GetValue(blocks[0], _ => computed);
    }
}
