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
        var shared = SharedFor(blocks, owningSymbol);
        if (shared.Covered is not { } covered)
        {
            covered = Covers(blocks[0].Syntax.SyntaxTree, owningSymbol);
            shared.Covered = covered;
        }

        return covered;
    }

    private bool Covers(SyntaxTree tree, ISymbol symbol) => Types.IsFtpTree(tree) && !Types.OptionsFor(tree).IsExcluded(symbol);

    // The block the rules of this thread read last. The driver runs every analyzer's actions for one code block one
    // after the other on one thread, so the rules meet here; a rule that finds another block here (the analyzers of
    // one block run on several threads) makes its own and finds the facts again by a walk: the same facts, found
    // twice. A weak table keyed by the block cost a dependent handle per block, more than the facts' collection it
    // was shared for. This keeps one operation tree alive per thread, and makes a block's facts the thread's own.
    [System.ThreadStatic]
    private static SharedBlock? s_last;

    /// <summary>
    /// Where the rules meet for one code block on this thread (known by its first operation: the driver hands every
    /// analyzer the same operation trees). The first rule to ask takes over what was collected for the block.
    /// </summary>
    public SharedBlock SharedFor(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner)
    {
        var last = s_last;
        if (last is not null && last.Key == blocks[0] && last.Context == this)
        {
            return last;
        }

        var shared = new SharedBlock(blocks[0], this);
        if (TakeCollection(blocks, owner) is { } collection)
        {
            // Whether the rules read the block was asked when its operations were collected.
            shared.Collected = collection.Builder;
            shared.Covered = collection.Builder is not null;
        }

        s_last = shared;
        return shared;
    }

    private object? _collector;

    /// <summary>
    /// True for the first rule to ask in this analysis: it collects every block's facts from the operations the
    /// driver hands it (see <see cref="Collect"/>), the rules read them at the block's end. (A rule that reads a block
    /// not collected on its thread, or without a collector, as when a host runs some rules only, walks the block.)
    /// </summary>
    public bool TryCollect(object rule)
    {
        var collector = System.Threading.Interlocked.CompareExchange(ref _collector, rule, null);
        return collector is null || ReferenceEquals(collector, rule);
    }

    // The declaration whose operations this thread is collecting. For each declaration the driver hands a thread
    // all its operations (to the compilation's operation actions) and then runs every analyzer's block actions
    // there: the first block action to ask takes the collection (see SharedFor), and any other is dropped.
    [System.ThreadStatic]
    private static Collection? s_collecting;

    /// <summary>The collecting rule's operation action: adds the operation to its declaration's facts on this thread.</summary>
    public void Collect(Microsoft.CodeAnalysis.Diagnostics.OperationAnalysisContext context)
    {
        var collecting = s_collecting;
        var symbol = context.ContainingSymbol;
        if (collecting is null || !ReferenceEquals(collecting.Symbol, symbol) || collecting.Context != this)
        {
            // A new declaration: its blocks are read only when its file may hold FTP code (asked once here).
            var operation = context.Operation;
            var covered = !context.IsGeneratedCode && Covers(operation.Syntax.SyntaxTree, symbol);
            collecting = new Collection(this, symbol, operation, covered ? NewBuilder(symbol) : null);
            s_collecting = collecting;
        }

        collecting.Builder?.Add(context.Operation);
    }

    /// <summary>The collection made on this thread, when it is this block's (its symbol, and operations in the block's trees); it is taken either way.</summary>
    private Collection? TakeCollection(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner)
    {
        var collecting = s_collecting;
        if (collecting is null)
        {
            return null;
        }

        s_collecting = null;
        return collecting.Context == this && SymbolEqualityComparer.Default.Equals(collecting.Symbol, owner) && IsIn(collecting.First, blocks) ? collecting : null;
    }

    /// <summary>True when <paramref name="operation"/> is in one of the trees of <paramref name="blocks"/>.</summary>
    private static bool IsIn(IOperation operation, System.Collections.Immutable.ImmutableArray<IOperation> blocks)
    {
        var root = OperationLookup.Root(operation);
        foreach (var block in blocks)
        {
            if (OperationLookup.Root(block) == root)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The block's facts: the ones read already, collected, or found now by a walk (when the collecting rule did not run for the block on this thread).</summary>
    public ReplyBlock FactsFor(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner)
    {
        var shared = SharedFor(blocks, owner);
        return shared.Facts ?? shared.Publish(shared.Collected is { } collected ? collected.Build(blocks) : Compute(blocks, owner));
    }

    /// <summary>A builder of a block's facts with the block's own caches.</summary>
    public ReplyBlock.Builder NewBuilder(ISymbol owner) => new(new ConditionEvaluator(new ReplyRecognizer(Types, owner)));

    /// <summary>A block's facts found by walking it, for a rule that finds them not collected.</summary>
    public ReplyBlock Compute(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owner)
        => ReplyBlock.Compute(blocks, NewBuilder(owner));

    /// <summary>The operations of one declaration collected on one thread: its symbol, the first, and the facts (none for a declaration the rules do not read).</summary>
    private sealed class Collection
    {
        public Collection(FtpAnalysisContext context, ISymbol symbol, IOperation first, ReplyBlock.Builder? builder)
        {
            Context = context;
            Symbol = symbol;
            First = first;
            Builder = builder;
        }

        public FtpAnalysisContext Context { get; }

        public ISymbol Symbol { get; }

        public IOperation First { get; }

        public ReplyBlock.Builder? Builder { get; }
    }

    /// <summary>One code block's facts on one thread, built by the first rule that reads them.</summary>
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

        /// <summary>What the collecting rule gathered for the block on this thread, until the facts are built.</summary>
        public ReplyBlock.Builder? Collected { get; set; }

        /// <summary>The facts, once built.</summary>
        public ReplyBlock? Facts { get; private set; }

        public ReplyBlock Publish(ReplyBlock facts)
        {
            Facts = facts;
            return facts;
        }
    }
}
