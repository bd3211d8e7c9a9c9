using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0003: a retry path selects 5xx replies: a retry loop's condition, <c>continue</c> or catch that takes a
/// 5xx back to the start, a retry predicate (Polly's Handle, ShouldRetry, IsTransient) that says yes to one.
/// </summary>
internal sealed class PermanentReplyRetried : Rule
{
    private static readonly ReplyCodeSet Permanent = ReplyCodeSet.OfCategory(5);
    private static readonly ReplyCodeSet Completion = ReplyCodeSet.OfCategory(2);

    private static readonly string[] PredicateMethods = { "Handle", "HandleResult", "HandleInner", "Or", "OrResult", "OrInner", "RetryOn", "RetryIf", "When", "ShouldRetry" };

    public override DiagnosticDescriptor Descriptor => RuleDescriptors.PermanentReplyRetried;

    public override void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report)
    {
        if (block.RetryPoints.IsEmpty)
        {
            return;
        }

        // Made on the first finding: most blocks' retry points retry no 5xx.
        List<(SyntaxNode Anchor, List<ReplyCodeInfo> Codes, Location Test, Location Reply)>? found = null;
        foreach (var point in block.RetryPoints)
        {
            Collect(point, block, ref found);
        }

        if (found is null)
        {
            return;
        }

        var reported = new HashSet<TextSpan>();
        foreach (var (anchor, codes, test, reply) in found)
        {
            if (reported.Add(anchor.Span))
            {
                report.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.PermanentReplyRetried,
                    anchor.GetLocation(),
                    new[] { test, reply },
                    ReplyMessages.Subject(codes, "permanent negative", null),
                    codes.Count == 1 ? "it" : "them",
                    Advice(codes)));
            }
        }
    }

    private static void Collect(IOperation operation, ReplyBlock block, ref List<(SyntaxNode, List<ReplyCodeInfo>, Location, Location)>? found)
    {
        switch (operation)
        {
            case IBranchOperation { BranchKind: BranchKind.Continue } continueOperation when OperationHelpers.EnclosingLoop(continueOperation) is { } loop && IsRetryOfFailure(loop):
                if (!ChangesRequestBefore(continueOperation))
                {
                    AddPath(continueOperation, block, ref found, fallback: continueOperation.Syntax);
                }

                break;

            case ICatchClauseOperation catchClause when OperationHelpers.EnclosingLoop(catchClause) is { } loop && IsRetryOfFailure(loop, catchClause.Parent)
                                                        && !ReplyPath.AlwaysLeaves(catchClause.Handler) && !ChangesRequest(catchClause.Handler):
                // The catch falls through to the next iteration: everything it catches is retried.
                var declaration = (SyntaxNode?)(catchClause.Syntax as CatchClauseSyntax)?.Declaration ?? catchClause.Syntax;
                AddPath(catchClause.Handler, block, ref found, fallback: declaration);
                break;

            case IReturnOperation { ReturnedValue: { } value } returnOperation
                when value.Type?.SpecialType == SpecialType.System_Boolean && IsRetryPredicate(returnOperation, block):
                var returned = block.Evaluator.Evaluate(value);
                var path = ReplyPath.Of(returnOperation, block);
                var selection = path is null ? returned : returned.TestsReply ? path.Selection.And(returned).WithAnchor(returned.Anchor!) : path.Selection;
                Add(selection, block.Evaluator, ref found, null);
                break;

            case IWhileLoopOperation { Condition: { } condition } whileLoop when SendsAgain(whileLoop, RetryCondition(condition, block.Evaluator))
                                                                                && !RetryCondition(condition, block.Evaluator).Must.Overlaps(Completion):
                // A loop that goes on after a 2xx (while (line != null)) repeats work, it does not retry a failure.
                Add(RetryCondition(condition, block.Evaluator), block.Evaluator, ref found, null);
                break;
        }
    }

    private static void AddPath(IOperation site, ReplyBlock block, ref List<(SyntaxNode, List<ReplyCodeInfo>, Location, Location)>? found, SyntaxNode fallback)
    {
        var path = ReplyPath.Of(site, block);
        if (path is not null)
        {
            Add(path.Selection, block.Evaluator, ref found, path.CatchClause is not null && ReferenceEquals(path.Selection.Anchor, path.CatchClause.Syntax) ? fallback : null);
        }
    }

    private static void Add(Selection selection, ConditionEvaluator evaluator, ref List<(SyntaxNode, List<ReplyCodeInfo>, Location, Location)>? found, SyntaxNode? location)
    {
        if (selection.Reply is null)
        {
            return;
        }

        var codes = selection.Must.Intersect(Permanent).DefinedCodes();
        if (codes.Count == 0)
        {
            return;
        }

        var anchor = location ?? ReplyTests.Narrow(selection.Anchor, codes[0].Code, evaluator, selection.Reply.Operation);
        if (anchor is null)
        {
            return;
        }

        // The reply the test reads (inside a catch filter, not the caught exception itself), for the fix.
        var replySyntax = selection.Reply.Operation.Syntax;
        if (selection.Reply.Operation is ICatchClauseOperation && OperationHelpers.Find(selection.Reply.Operation, anchor) is { } test
            && evaluator.Evaluate(test).Reply is { Operation: not ICatchClauseOperation } inner)
        {
            replySyntax = inner.Operation.Syntax;
        }

        (found ??= new()).Add((anchor, codes, (selection.Anchor ?? anchor).GetLocation(), replySyntax.GetLocation()));
    }

    private static string Advice(List<ReplyCodeInfo> codes)
        => codes.Count == 1
            ? codes[0].Advice
            : "retry only 4xx replies; on a 5xx, fail or change the request";

    /// <summary>
    /// A retry loop (see <see cref="RetryContext.IsRetryLoop"/>) that ends once an attempt succeeds: its body leaves it
    /// (break, return), or its condition reads what the body writes (a done flag, the reply). A loop that goes on
    /// after success too (a keep-alive daemon, a loop draining a queue) repeats work; what it catches is not retried.
    /// </summary>
    /// <param name="loop">The loop.</param>
    /// <param name="attempt">The try statement whose failure is caught, when known: only the exits in it or after it end
    /// the loop on its success (a break on cancellation at the top of the loop does not).</param>
    private static bool IsRetryOfFailure(ILoopOperation loop, IOperation? attempt = null)
    {
        if (!RetryContext.IsRetryLoop(loop))
        {
            return false;
        }

        foreach (var operation in loop.Body.Descendants())
        {
            if (operation is IReturnOperation { IsImplicit: false } or IBranchOperation { BranchKind: BranchKind.Break }
                && (attempt is null || operation.Syntax.SpanStart >= attempt.Syntax.SpanStart) && LeavesLoop(operation, loop))
            {
                return true;
            }
        }

        var condition = loop switch
        {
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            IForLoopOperation forLoop => forLoop.Condition,
            _ => null,
        };
        if (condition is null)
        {
            return false;
        }

        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (OperationHelpers.VariableOf(operation) is { } read && OperationHelpers.Assigns(loop.Body, read))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a return or break inside <paramref name="loop"/> leaves it (not an inner loop's break, a switch's, a lambda's return).</summary>
    private static bool LeavesLoop(IOperation exit, ILoopOperation loop)
    {
        for (var parent = exit.Parent; parent is not null && parent != loop; parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                    return false;
                case OperationKind.Loop when exit is IBranchOperation:
                case OperationKind.Switch when exit is IBranchOperation:
                    // A break of an inner loop or of a switch.
                    return false;
            }
        }

        return true;
    }

    /// <summary>A retry that first changes something (re-login, PROT P, another data mode) is not the same request again.</summary>
    private static bool ChangesRequestBefore(IOperation site)
    {
        foreach (var statement in OperationHelpers.StatementsBefore(site))
        {
            if (ChangesRequest(statement))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChangesRequest(IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && !IsBookkeeping(invocation.TargetMethod))
            {
                return true;
            }

            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Waiting, logging and formatting change nothing about the request.</summary>
    private static bool IsBookkeeping(IMethodSymbol method)
    {
        var name = method.Name;
        var type = method.ContainingType?.Name ?? string.Empty;
        return name is "Sleep" or "Delay" or "ToString" or "Format" or "Concat" or "WriteLine" or "Write" or "Add" or "Increment"
               || name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("Trace", StringComparison.Ordinal)
               || name.StartsWith("Debug", StringComparison.Ordinal) || name.StartsWith("Warn", StringComparison.Ordinal)
               || name.StartsWith("Info", StringComparison.Ordinal) || name.StartsWith("Error", StringComparison.Ordinal)
               || type is "Console" or "Debug" or "Trace" or "Thread" or "Task" or "Math" or "TimeSpan" or "String" or "Interlocked";
    }

    /// <summary>A method named as a retry predicate (ShouldRetry, IsTransient, IsRetryable) or a lambda given to one (Polly's Handle, Or, ...).</summary>
    private static bool IsRetryPredicate(IReturnOperation returnOperation, ReplyBlock block)
    {
        for (var parent = returnOperation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation lambda)
            {
                for (var p = lambda.Parent; p is not null; p = p.Parent)
                {
                    if (p is IInvocationOperation invocation)
                    {
                        var name = invocation.TargetMethod.Name;
                        return Array.IndexOf(PredicateMethods, name) >= 0 && (RetryContext.IsRetryHelper(invocation.TargetMethod) || IsPollyLike(invocation.TargetMethod))
                               || IsPredicateName(name);
                    }

                    if (p is not (IDelegateCreationOperation or IConversionOperation or IArgumentOperation))
                    {
                        return false;
                    }
                }

                return false;
            }

            if (parent is ILocalFunctionOperation localFunction)
            {
                return IsPredicateName(localFunction.Symbol.Name);
            }
        }

        return block.Recognizer.Symbols.MemberOf(returnOperation) is IMethodSymbol method && IsPredicateName(method.Name);
    }

    private static bool IsPollyLike(IMethodSymbol method)
    {
        var type = method.ContainingType?.Name ?? string.Empty;
        return type.IndexOf("Policy", StringComparison.Ordinal) >= 0 || type.IndexOf("Retry", StringComparison.Ordinal) >= 0
               || type.IndexOf("PredicateBuilder", StringComparison.Ordinal) >= 0;
    }

    private static bool IsPredicateName(string name)
        => (name.StartsWith("Should", StringComparison.Ordinal) || name.StartsWith("Is", StringComparison.Ordinal) || name.StartsWith("Can", StringComparison.Ordinal))
           && (name.IndexOf("Retr", StringComparison.Ordinal) >= 0 || name.IndexOf("Transient", StringComparison.Ordinal) >= 0 || name.IndexOf("Recoverable", StringComparison.Ordinal) >= 0);

    /// <summary>
    /// The replies a retry loop's condition goes on for: a term beside the reply test that does not test the reply
    /// (<c>while (code &gt;= 400 &amp;&amp; attempts++ &lt; 5)</c>) bounds the attempts, it does not choose the replies.
    /// </summary>
    private static Selection RetryCondition(IOperation condition, ConditionEvaluator evaluator)
    {
        if (OperationHelpers.StripConversions(condition) is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and)
        {
            var left = RetryCondition(and.LeftOperand, evaluator);
            var right = RetryCondition(and.RightOperand, evaluator);
            if (left.TestsReply != right.TestsReply)
            {
                return left.TestsReply ? left : right;
            }
        }

        return evaluator.Evaluate(condition);
    }

    /// <summary>A while loop whose condition tests the reply that its body reads again.</summary>
    private static bool SendsAgain(IWhileLoopOperation loop, Selection condition)
    {
        return condition.Reply?.RootSymbol is ILocalSymbol local && OperationHelpers.Assigns(loop.Body, local, simpleOnly: true);
    }
}
