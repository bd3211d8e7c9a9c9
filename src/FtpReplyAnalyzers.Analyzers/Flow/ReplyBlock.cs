using System.Collections.Immutable;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>A point where the code may end an operation, how it ends it, and the replies that surely reach it.</summary>
internal readonly struct ReplySite
{
    public ReplySite(IOperation operation, GiveUpKind kind, ReplyPath path)
    {
        Operation = operation;
        Kind = kind;
        Path = path;
    }

    public IOperation Operation { get; }

    public GiveUpKind Kind { get; }

    public ReplyPath Path { get; }
}

/// <summary>
/// What one code block holds for the rules, found in one walk of its operations and shared by every rule:
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

    /// <summary>Whether every call of the block's member sits in a retry loop or helper, once known (see <see cref="RetryContext"/>).</summary>
    public bool? MemberIsTryOnce
    {
        get
        {
            var value = _memberIsTryOnce;
            return value == 0 ? null : value == 2;
        }

        set => _memberIsTryOnce = value is null ? 0 : value.Value ? 2 : 1;
    }

    // 0: not known yet, 1: no, 2: yes. An int, so that rules reading the block at once see a whole value.
    private int _memberIsTryOnce;

    /// <summary>Throws, returns, breaks, exits, error logs and response closes that a reply test leads to.</summary>
    public ImmutableArray<ReplySite> Sites { get; }

    /// <summary>continue statements, catch clauses, bool returns and while loops: where a retry may start again.</summary>
    public ImmutableArray<IOperation> RetryPoints { get; }

    /// <summary>Equality comparisons, is-patterns, case clauses, switch expressions and explicit conversions.</summary>
    public ImmutableArray<IOperation> CodeTests { get; }

    /// <summary>Walks the block once. Operations are visited in source order, lambdas and local functions included.</summary>
    public static ReplyBlock Compute(ImmutableArray<IOperation> roots, ConditionEvaluator evaluator)
    {
        var sites = ImmutableArray.CreateBuilder<ReplySite>();
        var retryPoints = ImmutableArray.CreateBuilder<IOperation>();
        var codeTests = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var root in roots)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation.Kind)
                {
                    case OperationKind.Return:
                    case OperationKind.Branch:
                        retryPoints.Add(operation);
                        AddSites(operation, evaluator, sites);
                        break;
                    case OperationKind.Throw:
                    case OperationKind.Invocation:
                        AddSites(operation, evaluator, sites);
                        break;
                    case OperationKind.CatchClause:
                    case OperationKind.Loop when operation is IWhileLoopOperation:
                        retryPoints.Add(operation);
                        break;
                    case OperationKind.Binary when operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    case OperationKind.IsPattern:
                    case OperationKind.CaseClause:
                    case OperationKind.SwitchExpression:
                    case OperationKind.Conversion when !operation.IsImplicit:
                        codeTests.Add(operation);
                        break;
                }
            }
        }

        evaluator.Freeze();
        return new ReplyBlock(evaluator, sites.ToImmutable(), retryPoints.ToImmutable(), codeTests.ToImmutable());
    }

    private static void AddSites(IOperation operation, ConditionEvaluator evaluator, ImmutableArray<ReplySite>.Builder sites)
    {
        foreach (var (site, kind) in ReplySites.Of(operation, evaluator.Recognizer))
        {
            if (ReplyPath.Of(site, evaluator) is { Selection.Reply: not null } path)
            {
                sites.Add(new ReplySite(site, kind, path));
            }
        }
    }
}
