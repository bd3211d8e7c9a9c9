using System.Collections.Generic;
using System.Collections.Immutable;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>A point where the code may end an operation, how it ends it, and the replies that surely reach it.</summary>
internal sealed class ReplySite
{
    private readonly ReplyBlock _block;
    private bool _commandFound;
    private string? _command;

    public ReplySite(IOperation operation, GiveUpKind kind, ReplyPath path, ReplyBlock block)
    {
        Operation = operation;
        Kind = kind;
        Path = path;
        _block = block;
    }

    public IOperation Operation { get; }

    public GiveUpKind Kind { get; }

    public ReplyPath Path { get; }

    /// <summary>The command the reply that reaches the site answers (see <see cref="CommandFinder"/>), found once for all rules.</summary>
    public string? Command
    {
        get
        {
            if (!_commandFound)
            {
                _command = _block.Commands.Find(Path.Selection.Reply!, Operation);
                _commandFound = true;
            }

            return _command;
        }
    }
}

/// <summary>
/// What one code block holds for the rules, found in one walk of its operations and read by every rule: the sites a
/// reply test leads to (with how each ends the operation and the replies that reach it), the points where a retry
/// loop or predicate may take a reply back (for FTPR0003), and the comparisons and casts where a code is written
/// (for FTPR0007 and FTPR0008). The facts do not change once found; the block owns the caches of what the rules
/// compute from them (reply paths, what catch clauses receive, the commands each body sends).
/// </summary>
internal sealed class ReplyBlock
{
    private OperationCache<IOperation, ReplyPath?> _paths;
    private OperationCache<ICatchClauseOperation, Boxed<Selection>?> _catches;
    private OperationCache<IOperation, ReplyPath?> _retryPaths;
    private OperationCache<ICatchClauseOperation, Boxed<Selection>?> _retryCatches;

    private ReplyBlock(ConditionEvaluator evaluator)
    {
        Evaluator = evaluator;
        Commands = new CommandFinder(evaluator.Recognizer.Libraries);
    }

    /// <summary>The block's evaluator: what it has recognised and evaluated is kept for the block, and only for it.</summary>
    public ConditionEvaluator Evaluator { get; }

    /// <summary>The block's recogniser.</summary>
    public ReplyRecognizer Recognizer => Evaluator.Recognizer;

    /// <summary>The symbol that owns the block.</summary>
    public ISymbol? Member => Evaluator.Recognizer.Member;

    /// <summary>The commands the block's bodies send.</summary>
    public CommandFinder Commands { get; }

    /// <summary>Throws, returns, breaks, exits, error logs and response closes that a reply test leads to.</summary>
    public ImmutableArray<ReplySite> Sites { get; private set; } = ImmutableArray<ReplySite>.Empty;

    /// <summary>continue statements, catch clauses, bool returns and loops: where a retry may start again.</summary>
    public ImmutableArray<IOperation> RetryPoints { get; private set; } = ImmutableArray<IOperation>.Empty;

    /// <summary>Equality comparisons and Equals calls, is-patterns, case clauses, switch expressions and explicit conversions.</summary>
    public ImmutableArray<IOperation> CodeTests { get; private set; } = ImmutableArray<IOperation>.Empty;

    /// <summary>The replies that reach <paramref name="site"/> (see <see cref="ReplyPath.Of"/>), found once for the block.</summary>
    public ReplyPath? PathOf(IOperation site) => PathOf(site, Evaluator, ref _paths);

    /// <summary>
    /// The replies that take <paramref name="site"/> while attempts are left: the path with the tests that bound the
    /// attempts taken as passed (see <see cref="ConditionEvaluator.WhileAttemptsLeft"/>), for a point where a retry starts again.
    /// </summary>
    public ReplyPath? RetryPathOf(IOperation site) => PathOf(site, Evaluator.WhileAttemptsLeft, ref _retryPaths);

    private ReplyPath? PathOf(IOperation site, ConditionEvaluator evaluator, ref OperationCache<IOperation, ReplyPath?> paths)
        => paths.TryGet(site, out var path) ? path : paths.Keep(site, ReplyPath.Compute(site, this, evaluator));

    /// <summary>What a catch clause receives, found once for the block and evaluator: every site in its handler asks.</summary>
    internal Selection? CaughtBy(ICatchClauseOperation catchClause, ConditionEvaluator evaluator) => CaughtKept(catchClause, evaluator)?.Value;

    /// <summary>What <see cref="CaughtBy"/> answers, as the block keeps it.</summary>
    internal Boxed<Selection>? CaughtKept(ICatchClauseOperation catchClause, ConditionEvaluator evaluator)
    {
        ref var catches = ref evaluator.TakesAttemptsAsLeft ? ref _retryCatches : ref _catches;
        if (!catches.TryGet(catchClause, out var caught))
        {
            caught = catches.Keep(catchClause, ReplyPath.CatchSelection(catchClause, evaluator) is { } selection ? new Boxed<Selection>(selection) : null);
        }

        return caught;
    }

    /// <summary>Walks the block's operations, lambdas and local functions included, for its facts.</summary>
    public static ReplyBlock Compute(ImmutableArray<IOperation> roots, ConditionEvaluator evaluator, CheckMethods? checks = null)
    {
        var block = new ReplyBlock(evaluator);
        var walk = new Walk(block, checks);
        foreach (var root in roots)
        {
            OperationHelpers.VisitTree(root, walk, static (operation, walk) => walk.Visit(operation));
        }

        block.Sites = walk.Sites is { } sites ? sites.ToImmutableArray() : ImmutableArray<ReplySite>.Empty;
        block.RetryPoints = walk.RetryPoints is { } retryPoints ? retryPoints.ToImmutableArray() : ImmutableArray<IOperation>.Empty;
        block.CodeTests = walk.CodeTests is { } codeTests ? codeTests.ToImmutableArray() : ImmutableArray<IOperation>.Empty;
        return block;
    }

    /// <summary>What the walk of <see cref="Compute"/> has found so far.</summary>
    private sealed class Walk
    {
        private readonly ReplyBlock _block;
        private readonly CheckMethods? _checks;

        public Walk(ReplyBlock block, CheckMethods? checks)
        {
            _block = block;
            _checks = checks;
        }

        public List<ReplySite>? Sites { get; private set; }

        public List<IOperation>? RetryPoints { get; private set; }

        public List<IOperation>? CodeTests { get; private set; }

        public void Found(ReplySite site) => (Sites ??= new List<ReplySite>()).Add(site);

        public void Visit(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.Return:
                case OperationKind.Branch:
                    (RetryPoints ??= new()).Add(operation);
                    _block.AddSites(operation, this);
                    break;
                case OperationKind.Throw:
                    _block.AddSites(operation, this);
                    break;
                case OperationKind.Invocation:
                    _block.AddSites(operation, this);
                    _block.AddRejectionSite((IInvocationOperation)operation, _checks, this);
                    if (operation is IInvocationOperation { TargetMethod.Name: "Equals" })
                    {
                        (CodeTests ??= new()).Add(operation);
                    }

                    break;
                case OperationKind.CatchClause:
                case OperationKind.Loop:
                    (RetryPoints ??= new()).Add(operation);
                    break;
                case OperationKind.Binary when operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case OperationKind.IsPattern:
                case OperationKind.CaseClause:
                case OperationKind.SwitchExpression:
                case OperationKind.Conversion when !operation.IsImplicit:
                    (CodeTests ??= new()).Add(operation);
                    break;
            }
        }
    }

    private void AddSites(IOperation operation, Walk walk)
    {
        if (operation is IReturnOperation { ReturnedValue: { Type.SpecialType: SpecialType.System_Boolean } returned }
            && OperationHelpers.StripConversions(returned) is IBinaryOperation or IIsPatternOperation or IInvocationOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }
            && Evaluator.Evaluate(returned) is { TestsReply: true } answer)
        {
            // The codes for which the returned test is true reach "yes"; those of a test around it too.
            var yes = PathOf(operation) is { Selection.Reply: not null } outer && ReplyPath.SameReply(outer.Selection, answer) ? outer.Selection.And(answer).WithAnchor(answer.Anchor!) : answer;
            if (Recognizer.Libraries.PossibleCodes(answer.Reply!, OperationHelpers.Root(operation)) is { } possible)
            {
                yes = yes.Within(possible);
            }

            walk.Found(new ReplySite(operation, GiveUpKind.AnswersYes, ReplyPath.Of(yes), this));
            return;
        }

        if (ReplySites.ArmValues(operation) is { } arms)
        {
            foreach (var value in arms)
            {
                AddSite(value, walk);
            }
        }
        else
        {
            AddSite(operation, walk);
        }
    }

    /// <summary>
    /// A library call, or a call of the project's own check method, that throws on every reply but the codes it lists:
    /// the codes it rejects reach its throw.
    /// </summary>
    private void AddRejectionSite(IInvocationOperation invocation, CheckMethods? checks, Walk walk)
    {
        ImmutableArray<IOperation> codes;
        bool firstDigitOnly;
        Libraries.FtpLibrary? library;
        ReplyValueKind kind;
        if (Recognizer.Libraries.AcceptedCodes(invocation) is var (libraryCodes, libraryFirstDigitOnly, acceptingLibrary))
        {
            (codes, firstDigitOnly, library, kind) = (libraryCodes, libraryFirstDigitOnly, acceptingLibrary, ReplyValueKind.Text);
        }
        else if (checks?.AcceptedBy(invocation) is var (checkedCodes, checkedKind))
        {
            (codes, firstDigitOnly, library, kind) = (checkedCodes, false, null, checkedKind);
        }
        else
        {
            return;
        }

        var accepted = ReplyCodeSet.Empty;
        foreach (var code in codes)
        {
            if (ConditionEvaluator.WrittenCode(code) is not { } value)
            {
                return;
            }

            accepted = accepted.Union(firstDigitOnly ? ReplyCodeSet.Range(value / 100 * 100, (value / 100 * 100) + 99) : ReplyCodeSet.Single((int)value));
        }

        // Expect(SendCommand("STAT " + path), 213, 211), Expect(reply, 331): the reply passed in answers the command.
        var reply = new ReplyExpression(kind, invocation, library is null ? ReplyArgumentOf(invocation, codes) : null, library);
        var anchor = codes.Length == 1 ? codes[0].Syntax : invocation.Syntax;
        var rejected = Selection.Exactly(accepted.Complement(), reply, anchor);
        walk.Found(new ReplySite(invocation, GiveUpKind.RejectedByLibrary, ReplyPath.Of(rejected), this));
    }

    /// <summary>The argument of a check method's call that holds the reply it checks (not one of the codes), or null.</summary>
    private IOperation? ReplyArgumentOf(IInvocationOperation invocation, ImmutableArray<IOperation> codes)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = OperationHelpers.StripConversions(argument.Value) ?? argument.Value;
            if (argument.ArgumentKind == ArgumentKind.ParamArray || codes.Contains(value) || codes.Contains(argument.Value))
            {
                continue;
            }

            if (Recognizer.Recognize(value) is not null || Recognizer.Libraries.CarriesReply(value.Type) || (value.Type is { } type && HandWrittenClients.IsReplyClass(type)))
            {
                return value;
            }
        }

        return null;
    }

    private void AddSite(IOperation site, Walk walk)
    {
        // A throw with an exception always ends the operation; how (whether it carries the reply, which reads the whole
        // exception) is asked only once a reply reaches it: most throws are for other reasons.
        var throws = site is IThrowOperation { Exception: not null } && !GiveUp.IsPlaceholder(site);
        var kind = throws ? GiveUpKind.Throw : GiveUp.Classify(site, Recognizer);
        if (kind != GiveUpKind.None && PathOf(site) is { Selection.Reply: not null } path)
        {
            walk.Found(new ReplySite(site, throws ? GiveUp.Classify(site, Recognizer) : kind, path, this));
        }
    }
}
