using System.Collections.Immutable;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>A point where the code may end an operation, how it ends it, and the replies that surely reach it.</summary>
internal sealed class ReplySite
{
    private static readonly object NoCommand = new();

    // The command, once found: null while not looked for, NoCommand when the code does not say.
    private volatile object? _command;

    public ReplySite(IOperation operation, GiveUpKind kind, ReplyPath path)
    {
        Operation = operation;
        Kind = kind;
        Path = path;
    }

    public IOperation Operation { get; }

    public GiveUpKind Kind { get; }

    public ReplyPath Path { get; }

    /// <summary>The command the reply that reaches the site answers (see <see cref="CommandFinder"/>), found once for all rules.</summary>
    public string? Command
    {
        get
        {
            var command = _command;
            if (command is null)
            {
                command = (object?)CommandFinder.Find(Path.Selection.Reply!, Operation) ?? NoCommand;
                _command = command;
            }

            return command as string;
        }
    }
}

/// <summary>
/// What one code block holds for the rules, found in one walk of its operations and shared by every rule that reads
/// the block on the same thread (the facts, and the caches of their evaluator, belong to that thread):
/// the sites a reply test leads to (with how each ends the operation and the replies that reach it), the
/// points where a retry loop or predicate may take a reply back (for FTPR0003), and the comparisons and casts
/// where a code is written (for FTPR0007 and FTPR0008).
/// </summary>
internal sealed class ReplyBlock
{
    private ReplyBlock(ConditionEvaluator evaluator, ImmutableArray<ReplySite> sites, ImmutableArray<IOperation> retryPoints, ImmutableArray<IOperation> codeTests)
    {
        Evaluator = evaluator;
        Sites = sites;
        RetryPoints = retryPoints;
        CodeTests = codeTests;
    }

    /// <summary>The block's evaluator: what it has recognised and evaluated is kept for the block, and only for it.</summary>
    public ConditionEvaluator Evaluator { get; }

    /// <summary>The block's recogniser.</summary>
    public ReplyRecognizer Recognizer => Evaluator.Recognizer;

    /// <summary>The symbol that owns the block (see <see cref="EnclosingSymbol.Of(IOperation, ISymbol?)"/>).</summary>
    public ISymbol? Member => Evaluator.Recognizer.Member;

    /// <summary>Whether every call of the block's member sits in a retry loop or helper, once known (see <see cref="RetryContext"/>).</summary>
    public bool? MemberIsTryOnce { get; set; }

    /// <summary>Throws, returns, breaks, exits, error logs and response closes that a reply test leads to.</summary>
    public ImmutableArray<ReplySite> Sites { get; }

    /// <summary>continue statements, catch clauses, bool returns and while loops: where a retry may start again.</summary>
    public ImmutableArray<IOperation> RetryPoints { get; }

    /// <summary>Equality comparisons, is-patterns, case clauses, switch expressions and explicit conversions.</summary>
    public ImmutableArray<IOperation> CodeTests { get; }

    /// <summary>The operation kinds a <see cref="Builder"/> looks at.</summary>
    public static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.Return, OperationKind.Branch, OperationKind.Throw, OperationKind.Invocation, OperationKind.CatchClause, OperationKind.Loop,
        OperationKind.Binary, OperationKind.IsPattern, OperationKind.CaseClause, OperationKind.SwitchExpression, OperationKind.Conversion,
        OperationKind.ObjectCreation, OperationKind.VariableDeclarator, OperationKind.SimpleAssignment, OperationKind.PropertyInitializer,
        OperationKind.AnonymousFunction, OperationKind.LocalFunction);

    /// <summary>Walks the block's operations itself, lambdas and local functions included, into <paramref name="builder"/>.</summary>
    public static ReplyBlock Compute(ImmutableArray<IOperation> roots, Builder builder)
    {
        foreach (var root in roots)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                builder.Add(operation);
            }
        }

        return builder.Build(roots);
    }

    /// <summary>Collects a block's facts from its operations, handed one by one (by the driver, or by <see cref="Compute"/>).</summary>
    internal sealed class Builder
    {
        private readonly ConditionEvaluator _evaluator;

        // The operations that may tell the commands the body sends (see CommandFinder), kept as they come and read
        // only for a block with sites (most blocks have none); and whether a lambda or local function has a body of
        // its own in the block (then the finder walks each body).
        private System.Collections.Generic.List<IOperation>? _commandOperations;
        private bool _nestedFunctions;

        // Made on the first add: a block without a reply test has no site, and many have no code test.
        private ImmutableArray<ReplySite>.Builder? _sites;
        private ImmutableArray<IOperation>.Builder? _retryPoints;
        private ImmutableArray<IOperation>.Builder? _codeTests;

        public Builder(ConditionEvaluator evaluator) => _evaluator = evaluator;

        public void Add(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.Return:
                case OperationKind.Branch:
                    Add(ref _retryPoints, operation);
                    AddSites(operation, _evaluator, ref _sites);
                    break;
                case OperationKind.Throw:
                    AddSites(operation, _evaluator, ref _sites);
                    break;
                case OperationKind.Invocation:
                    AddSites(operation, _evaluator, ref _sites);
                    (_commandOperations ??= new()).Add(operation);
                    break;
                case OperationKind.ObjectCreation:
                case OperationKind.VariableDeclarator:
                case OperationKind.SimpleAssignment:
                case OperationKind.PropertyInitializer:
                    (_commandOperations ??= new()).Add(operation);
                    break;
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                    _nestedFunctions = true;
                    break;
                case OperationKind.CatchClause:
                case OperationKind.Loop when operation is IWhileLoopOperation:
                    Add(ref _retryPoints, operation);
                    break;
                case OperationKind.Binary when operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case OperationKind.IsPattern:
                case OperationKind.CaseClause:
                case OperationKind.SwitchExpression:
                case OperationKind.Conversion when !operation.IsImplicit:
                    Add(ref _codeTests, operation);
                    break;
            }
        }

        private static void Add<T>(ref ImmutableArray<T>.Builder? list, T item) => (list ??= ImmutableArray.CreateBuilder<T>()).Add(item);

        private static ImmutableArray<T> ToArray<T>(ImmutableArray<T>.Builder? list) => list is null ? ImmutableArray<T>.Empty : list.ToImmutable();

        /// <summary>The facts of the block whose operation trees are <paramref name="roots"/>, ready to be read by every rule.</summary>
        public ReplyBlock Build(ImmutableArray<IOperation> roots)
        {
            if (_sites is not null && !_nestedFunctions && roots.Length == 1)
            {
                // One body, with sites whose command may be asked: the command finder reads what was listed here
                // instead of walking it again. It knows a body by its top operation (a method's body block hangs
                // under the method-body operation).
                var body = OperationLookup.Root(roots[0]);
                var listing = new CommandFinder.BodyCommands.Listing();
                if (_commandOperations is not null)
                {
                    foreach (var operation in _commandOperations)
                    {
                        listing.Add(operation);
                    }
                }

                CommandFinder.Remember(listing.For(body));
            }

            return new ReplyBlock(_evaluator, ToArray(_sites), ToArray(_retryPoints), ToArray(_codeTests));
        }
    }

    private static void AddSites(IOperation operation, ConditionEvaluator evaluator, ref ImmutableArray<ReplySite>.Builder? sites)
    {
        if (ReplySites.ArmValues(operation) is { } arms)
        {
            foreach (var value in arms)
            {
                AddSite(value, evaluator, ref sites);
            }
        }
        else
        {
            AddSite(operation, evaluator, ref sites);
        }
    }

    private static void AddSite(IOperation site, ConditionEvaluator evaluator, ref ImmutableArray<ReplySite>.Builder? sites)
    {
        // A throw with an exception always ends the operation; how (whether it carries the reply, which reads the whole
        // exception) is asked only once a reply reaches it: most throws are for other reasons.
        var throws = site is IThrowOperation { Exception: not null };
        var kind = throws ? GiveUpKind.Throw : GiveUp.Classify(site, evaluator.Recognizer);
        if (kind != GiveUpKind.None && ReplyPath.Of(site, evaluator) is { Selection.Reply: not null } path)
        {
            (sites ??= ImmutableArray.CreateBuilder<ReplySite>()).Add(new ReplySite(site, throws ? GiveUp.Classify(site, evaluator.Recognizer) : kind, path));
        }
    }
}
