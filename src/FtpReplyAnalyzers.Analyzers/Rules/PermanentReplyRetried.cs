using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
        List<(SyntaxNode Anchor, List<ReplyCodeInfo> Codes, Location At, Location Test, Location Reply)>? found = null;
        foreach (var point in block.RetryPoints)
        {
            Collect(point, block, ref found);
        }

        if (found is null)
        {
            return;
        }

        var reported = new HashSet<TextSpan>();
        foreach (var (anchor, codes, at, test, reply) in found)
        {
            if (reported.Add(anchor.Span))
            {
                report.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.PermanentReplyRetried,
                    at,
                    new[] { test, reply },
                    ReplyMessages.Subject(codes, "permanent negative", null),
                    codes.Count == 1 ? "it" : "them",
                    Advice(codes)));
            }
        }
    }

    private static void Collect(IOperation operation, ReplyBlock block, ref List<(SyntaxNode, List<ReplyCodeInfo>, Location, Location, Location)>? found)
    {
        switch (operation)
        {
            case IBranchOperation { BranchKind: BranchKind.Continue } continueOperation when OperationHelpers.EnclosingLoop(continueOperation) is { } loop && IsRetryOfFailure(loop) && !WalksItems(loop):
                if (!ChangesRequestBefore(continueOperation))
                {
                    AddPath(continueOperation, block, ref found, fallback: continueOperation.Syntax);
                }

                break;

            case ICatchClauseOperation catchClause when OperationHelpers.EnclosingLoop(catchClause) is { } loop && IsRetryOfFailure(loop, catchClause.Parent) && !WalksItems(loop)
                                                        && !ReplyPath.AlwaysLeaves(catchClause.Handler, block.Recognizer.Libraries) && !ChangesRequest(catchClause.Handler):
                // The catch falls through to the next iteration: everything it catches is retried.
                var declaration = (SyntaxNode?)(catchClause.Syntax as CatchClauseSyntax)?.Declaration ?? catchClause.Syntax;
                AddPath(catchClause.Handler, block, ref found, fallback: declaration);
                break;

            case IReturnOperation { ReturnedValue: { } value } returnOperation
                when value.Type?.SpecialType == SpecialType.System_Boolean && IsRetryPredicate(returnOperation, block):
                var returned = block.Evaluator.Evaluate(value);
                var path = ReplyPath.Of(returnOperation, block);
                var selection = path is null ? returned : returned.TestsReply ? path.Selection.And(returned).WithAnchor(returned.Anchor!) : path.Selection;
                Add(selection, block, returnOperation, ref found, null);
                break;

            case ILoopOperation loop:
                if (loop is IWhileLoopOperation { Condition: { } condition } whileLoop)
                {
                    var retried = RetryCondition(condition, block.Evaluator);
                    if (SendsAgain(whileLoop, retried) && AnswersOf(retried, block, condition, Completion).Count == 0)
                    {
                        // A loop that goes on after a 2xx (while (line != null)) repeats work, it does not retry a failure.
                        Add(retried, block, condition, ref found, null);
                    }
                }

                AddFallThrough(loop, block, ref found);
                break;
        }
    }

    /// <summary>
    /// A retry loop whose body ends without leaving for some replies: they go round again (<c>for (...) { code =
    /// Send("DELE " + f); if (code == 250) return true; Thread.Sleep(500); }</c>).
    /// </summary>
    private static void AddFallThrough(ILoopOperation loop, ReplyBlock block, ref List<(SyntaxNode, List<ReplyCodeInfo>, Location, Location, Location)>? found)
    {
        if (loop.Body is not IBlockOperation { Operations.Length: > 0 } body || ReplyPath.AlwaysLeaves(body, block.Recognizer.Libraries) || !IsLoopOverAttempts(loop, block.Recognizer)
            || !IsRetryOfFailure(loop) || ReplyPath.PastAll(body, block.Evaluator.WhileAttemptsLeft) is not { Reply: { } reply } reaching
            || !ReadsInEachPass(reply, body, block.Evaluator))
        {
            return;
        }

        // What runs after the last test, on the way round, must leave the request as it was.
        var last = body.Operations[body.Operations.Length - 1];
        if (!IsTestOf(last, block) && ChangesRequest(last))
        {
            return;
        }

        var keyword = loop.Syntax switch
        {
            ForStatementSyntax f => f.ForKeyword,
            WhileStatementSyntax w => w.WhileKeyword,
            DoStatementSyntax d => d.DoKeyword,
            ForEachStatementSyntax e => e.ForEachKeyword,
            _ => default,
        };
        if (keyword == default)
        {
            return;
        }

        Add(reaching, block, last, ref found, loop.Syntax, Location.Create(loop.Syntax.SyntaxTree, keyword.Span));
    }

    /// <summary>
    /// A loop over attempts: its condition bounds the attempts (<c>attempt &lt; 3</c>) or it runs over a range, and it
    /// does not walk a collection (<c>i &lt; files.Length</c>, <c>files[i]</c>): each pass sends the same request.
    /// </summary>
    private static bool IsLoopOverAttempts(ILoopOperation loop, ReplyRecognizer recognizer)
    {
        var condition = loop switch
        {
            IWhileLoopOperation w => w.Condition,
            IForLoopOperation f => f.Condition,
            _ => null,
        };
        if (loop is IForEachLoopOperation)
        {
            return RetryContext.IsRetryLoop(loop);
        }

        if (condition is null)
        {
            return false;
        }

        return AttemptBounds.Is(condition, recognizer) && !WalksItems(loop);
    }

    /// <summary>
    /// A loop over the items of a collection (<c>i &lt; files.Length</c>, <c>files[i]</c>): each pass sends another
    /// request, so what falls through to the next pass, or continues, goes on to the next item.
    /// </summary>
    private static bool WalksItems(ILoopOperation loop)
    {
        var condition = loop switch
        {
            IWhileLoopOperation w => w.Condition,
            IForLoopOperation f => f.Condition,
            _ => null,
        };
        if (condition is not null
            && OperationHelpers.AnyInTree(condition, 0, static (operation, _) => operation is IPropertyReferenceOperation { Property.Name: "Length" or "Count" } or IInvocationOperation { TargetMethod.Name: "Count" }))
        {
            return true;
        }

        return OperationHelpers.AnyDescendant(loop.Body, loop, static (operation, loop) => operation switch
        {
            IArrayElementReferenceOperation element => IsIndexedByItsLocal(element.Indices, loop),
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => IsIndexedByItsLocal(indexer.Arguments.Select(static a => a.Value), loop),
            _ => false,
        });
    }

    /// <summary>True when an index is a local of <paramref name="loop"/> (<c>hosts[i]</c>): the loop goes over items, not attempts.</summary>
    private static bool IsIndexedByItsLocal(IEnumerable<IOperation> indices, ILoopOperation loop)
    {
        foreach (var index in indices)
        {
            if (OperationHelpers.VariableOf(OperationHelpers.StripConversions(index)) is ILocalSymbol local && loop.Locals.Contains(local, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTestOf(IOperation statement, ReplyBlock block)
        => statement is IConditionalOperation conditional && block.Evaluator.Evaluate(conditional.Condition).TestsReply;

    /// <summary>The reply is read again in each pass of the loop body: read there, or held in a variable the body assigns.</summary>
    private static bool ReadsInEachPass(ReplyExpression reply, IBlockOperation body, ConditionEvaluator evaluator)
    {
        if (body.Syntax.Span.Contains(reply.Operation.Syntax.Span) && reply.RootSymbol is not (IFieldSymbol or IPropertySymbol))
        {
            return reply.RootSymbol is not ILocalSymbol local || OperationHelpers.Assigns(body, local) || body.Locals.Contains(local, SymbolEqualityComparer.Default);
        }

        return reply.RootSymbol switch
        {
            ILocalSymbol local => OperationHelpers.Assigns(body, local),
            IFieldSymbol or IPropertySymbol => ReplyPath.ReadsReplyAgainIn(body, evaluator),
            _ => false,
        };
    }

    private static void AddPath(IOperation site, ReplyBlock block, ref List<(SyntaxNode, List<ReplyCodeInfo>, Location, Location, Location)>? found, SyntaxNode fallback)
    {
        var path = block.RetryPathOf(site);
        if (path is not null)
        {
            Add(path.Selection, block, site, ref found, path.CatchClause is not null && ReferenceEquals(path.Selection.Anchor, path.CatchClause.Syntax) ? fallback : null);
        }
    }

    /// <summary>The codes of <paramref name="category"/> that <paramref name="selection"/> surely selects among the replies of the command it answers.</summary>
    private static List<ReplyCodeInfo> AnswersOf(Selection selection, ReplyBlock block, IOperation site, ReplyCodeSet category)
    {
        var codes = selection.Must.Intersect(category).DefinedCodes();
        if (codes.Count > 0 && selection.Reply is { } reply && block.Commands.Find(reply, site) is { } command)
        {
            codes.RemoveAll(c => !ReplyCatalog.MayAnswer(command, c.Code));
        }

        return codes;
    }

    private static void Add(Selection selection, ReplyBlock block, IOperation site, ref List<(SyntaxNode, List<ReplyCodeInfo>, Location, Location, Location)>? found, SyntaxNode? location, Location? at = null)
    {
        if (selection.Reply is null)
        {
            return;
        }

        // The command's own 5xx replies; the ones the code names when the catalog does not list them for the command
        // (servers answer STOR with 550 too): retried, they fail again all the same.
        var codes = AnswersOf(selection, block, site, Permanent);
        if (codes.Count == 0)
        {
            codes = selection.Must.Intersect(Permanent).DefinedCodes();
            if (codes.Count == 0)
            {
                return;
            }
        }

        var evaluator = block.Evaluator;
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

        (found ??= new()).Add((anchor, codes, at ?? anchor.GetLocation(), (selection.Anchor ?? anchor).GetLocation(), replySyntax.GetLocation()));
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

        if (OperationHelpers.AnyDescendant(loop.Body, (loop, attempt), static (operation, asked) =>
                operation is IReturnOperation { IsImplicit: false, Kind: not OperationKind.YieldReturn } or IBranchOperation { BranchKind: BranchKind.Break }
                && (asked.attempt is null || operation.Syntax.SpanStart >= asked.attempt.Syntax.SpanStart) && LeavesLoop(operation, asked.loop)))
        {
            return true;
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

        return OperationHelpers.AnyInTree(condition, loop.Body, static (operation, body) => OperationHelpers.VariableOf(operation) is { } read && OperationHelpers.Assigns(body, read));
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
        => OperationHelpers.AnyInTree(statement, 0, static (operation, _) =>
            (operation is IInvocationOperation invocation && !IsBookkeeping(invocation.TargetMethod))
            || operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation });

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

    /// <summary>A while loop whose condition tests the reply that its body, or the condition itself, reads again.</summary>
    private static bool SendsAgain(IWhileLoopOperation loop, Selection condition)
    {
        if (condition.Reply is not { } reply)
        {
            return false;
        }

        if (loop.Condition is { } test && test.Syntax.Span.Contains(reply.Operation.Syntax.Span) && reply.Operation is IInvocationOperation or IAwaitOperation)
        {
            return true;
        }

        return reply.RootSymbol is ILocalSymbol local && OperationHelpers.Assigns(loop.Body, local, simpleOnly: true);
    }
}
