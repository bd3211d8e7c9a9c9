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

    /// <summary>One context per compilation, shared by all the rules: the gate, the types and the caches are computed once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Holder> Shared = new();

    /// <summary>The context, or null when the compilation speaks no FTP.</summary>
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
    {
        if (blocks.IsEmpty)
        {
            return false;
        }

        // Asked by every rule of the block: answered once and kept with the block.
        var shared = SharedFor(blocks);
        if (shared.Covered is not { } covered)
        {
            var tree = blocks[0].Syntax.SyntaxTree;
            covered = Types.IsFtpTree(tree) && !Types.OptionsFor(tree).IsExcluded(owningSymbol);
            shared.Covered = covered;
        }

        return covered;
    }

    // The block the rules of this thread read last. The driver runs every analyzer's actions for one code block one
    // after the other on one thread, so the rules meet here; a rule that finds another block here (the analyzers of
    // one block run on several threads) makes its own and finds the facts again by a walk: the same facts, found
    // twice. A weak table keyed by the block cost a dependent handle per block, more than the facts' collection it
    // was shared for. This keeps one operation tree alive per thread, and makes a block's facts the thread's own.
    [System.ThreadStatic]
    private static SharedBlock? s_last;

    /// <summary>
    /// Where the rules meet for one code block on this thread (known by its first operation: the driver hands every
    /// analyzer the same operation trees). The collecting rule claims it and collects its facts for all of them.
    /// </summary>
    public SharedBlock SharedFor(System.Collections.Immutable.ImmutableArray<IOperation> blocks)
    {
        var last = s_last;
        if (last is not null && last.Key == blocks[0] && last.Context == this)
        {
            return last;
        }

        return s_last = new SharedBlock(blocks[0], this);
    }

    private object? _collector;

    /// <summary>
    /// True for the first rule to ask in this analysis: it collects every block's facts from the driver's walk, the
    /// others read them at the block's end. (A rule that reads before the collector has run, or without one, as
    /// when a host runs some rules only, finds the facts by walking the block and shares them.)
    /// </summary>
    public bool TryCollect(object rule)
    {
        var collector = System.Threading.Interlocked.CompareExchange(ref _collector, rule, null);
        return collector is null || ReferenceEquals(collector, rule);
    }

    /// <summary>The block's facts: the ones collected or found already, or found now by a walk (when the collecting rule did not run for the block on this thread) and shared.</summary>
    public ReplyBlock FactsFor(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner)
    {
        var shared = SharedFor(blocks);
        return shared.Facts ?? shared.Publish(Compute(blocks, owner));
    }

    /// <summary>A builder of a block's facts with the block's own caches.</summary>
    public ReplyBlock.Builder NewBuilder(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner) => new(blocks, new ConditionEvaluator(new ReplyRecognizer(Types, owner)));

    /// <summary>A block's facts found by walking it, for a rule that finds them not collected.</summary>
    public ReplyBlock Compute(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner)
        => ReplyBlock.Compute(blocks, NewBuilder(blocks, owner));

    /// <summary>One code block's facts on one thread, published by the rule that collected them.</summary>
    internal sealed class SharedBlock
    {
        public SharedBlock(IOperation key, FtpAnalysisContext context)
        {
            Key = key;
            Context = context;
        }

        /// <summary>The block's first operation.</summary>
        public IOperation Key { get; }

        /// <summary>The analysis the facts are for (the same compilation may be analysed with other options).</summary>
        public FtpAnalysisContext Context { get; }

        /// <summary>Whether the rules look at the block (see <see cref="Covers"/>), once known.</summary>
        public bool? Covered { get; set; }

        /// <summary>True once a rule collects the facts (it publishes them at the block's end).</summary>
        public bool Claimed { get; set; }

        /// <summary>The facts, once collected.</summary>
        public ReplyBlock? Facts { get; private set; }

        public ReplyBlock Publish(ReplyBlock facts)
        {
            Facts = facts;
            return facts;
        }
    }
}
