using System.Linq;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>
/// Which replies reach a point of the code: the conditions, switch labels, switch arms, guard clauses and
/// catch clauses between the point and the start of its function, combined.
/// </summary>
internal sealed class ReplyPath
{
    // Shared with the evaluator's or the block's cache when one test alone decides the path: most paths are one test's.
    private readonly Boxed<Selection> _selection;

    private ReplyPath(Boxed<Selection> selection, ICatchClauseOperation? catchClause)
    {
        _selection = selection;
        CatchClause = catchClause;
    }

    /// <summary>The replies for which the point is surely reached, and the test that selects them.</summary>
    public Selection Selection => _selection.Value;

    /// <summary>The catch clause the point is in, when the catch is what selects the replies.</summary>
    public ICatchClauseOperation? CatchClause { get; }

    /// <summary>
    /// The replies that reach <paramref name="site"/>, or null when no reply test leads to it, or when a test
    /// of something else splits the reply's path (the site is then not where the reply surely goes).
    /// </summary>
    public static ReplyPath? Of(IOperation site, ReplyBlock block) => block.PathOf(site);

    /// <summary>A path that <paramref name="selection"/> alone decides (a library's own check of the reply).</summary>
    public static ReplyPath Of(Selection selection) => new(new Boxed<Selection>(selection), null);

    /// <summary>Finds what <see cref="Of"/> answers; the block keeps it.</summary>
    internal static ReplyPath? Compute(IOperation site, ReplyBlock block, ConditionEvaluator evaluator)
    {
        Selection? combined = null;
        Boxed<Selection>? kept = null;
        var readInTest = false;
        ICatchClauseOperation? replyCatch = null;
        var child = site;
        for (var parent = site.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            Selection? constraint = null;
            Boxed<Selection>? constraintKept = null;

            // By kind: most ancestors are none of these, and a kind is cheaper to ask than an interface.
            switch (parent.Kind)
            {
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                    parent = null;
                    break;

                case OperationKind.Conditional:
                    var conditional = (IConditionalOperation)parent;
                    if (evaluator.TakesAttemptsAsLeft && AttemptBounds.Is(conditional.Condition, evaluator.Recognizer))
                    {
                        // if (attempt < MaxAttempts) continue;: taken while attempts are left, whatever the reply.
                    }
                    else if (child == conditional.WhenTrue)
                    {
                        constraintKept = evaluator.EvaluateKept(conditional.Condition);
                        constraint = constraintKept.Value;
                    }
                    else if (child == conditional.WhenFalse)
                    {
                        constraint = evaluator.Evaluate(conditional.Condition).Not();
                    }

                    break;

                case OperationKind.SwitchCase when parent.Parent is ISwitchOperation switchOperation && child != switchOperation.Value:
                    var section = (ISwitchCaseOperation)parent;
                    if (combined is { Reply.RootSymbol: { } readAgain } && ReadsAgainBefore(section.Body, child, readAgain, evaluator))
                    {
                        // case 332: code = Send("ACCT " + account); if (code / 100 != 2) throw: the label tested the reply before.
                        parent = null;
                        break;
                    }

                    constraint = evaluator.EvaluateSwitchSection(switchOperation, section);
                    if (constraint is { TestsReply: true, Anchor: { } sectionAnchor } entered && GuardClauses(section.Body, child, evaluator) is { } sectionGuards
                        && SameReply(entered, sectionGuards))
                    {
                        constraint = entered.And(sectionGuards).WithAnchor(sectionAnchor);
                    }

                    break;

                case OperationKind.SwitchExpressionArm when parent.Parent is ISwitchExpressionOperation switchExpression && child == ((ISwitchExpressionArmOperation)parent).Value:
                    constraint = evaluator.EvaluateSwitchArm(switchExpression, (ISwitchExpressionArmOperation)parent);
                    break;

                case OperationKind.CatchClause when child == ((ICatchClauseOperation)parent).Handler:
                    var catchClause = (ICatchClauseOperation)parent;
                    constraintKept = block.CaughtKept(catchClause, evaluator);
                    constraint = constraintKept?.Value;
                    if (constraint is null)
                    {
                        // A catch that receives no reply (around parsing the reply's text, opening the data
                        // connection, a file): what it does is about that failure, not about the reply tested before.
                        return null;
                    }

                    replyCatch ??= catchClause;
                    break;

                case OperationKind.Block:
                    constraint = GuardClauses(((IBlockOperation)parent).Operations, child, evaluator);
                    break;
            }

            if (parent is null)
            {
                break;
            }

            if (constraint is { } c)
            {
                if (!c.TestsReply)
                {
                    // A test of something else between the site and the reply test splits the reply's path;
                    // one around the whole reply handling only gates it, unless it counts attempts.
                    if (combined is null || CountsAttempts(parent))
                    {
                        return null;
                    }
                }
                else if (combined is null)
                {
                    combined = c;
                    kept = constraintKept;

                    // if ((await Send("PASS " + p)).StatusCode != 230) return false;: the reply is read in the test itself, so no
                    // test further out is of it. (Not for a guard before the site: what follows a passed guard is left as it was.)
                    readInTest = parent.Kind == OperationKind.Conditional && c.Reply is { } inline && IsReadInline(inline);
                }
                else if (SameReply(combined.Value, c))
                {
                    kept = null;
                    var anchor = combined.Value.Anchor;
                    combined = combined.Value.And(c);
                    if (anchor is not null)
                    {
                        combined = combined.Value.WithAnchor(anchor);
                    }
                }
            }

            if (readInTest)
            {
                break;
            }

            // The reply was read again before the site, in this block (SendCommand("PASS " + password) inside the
            // if (code != 230) that tested USER's reply): the tests further out are of an earlier reply.
            if (combined is { Reply.RootSymbol: { } reply } && OperationHelpers.StatementsOf(parent) is { } statements
                && ReadsAgainBefore(statements, child, reply, evaluator))
            {
                break;
            }
        }

        if (combined is not { } selection)
        {
            return null;
        }

        if (selection.Reply is { } tested && block.Recognizer.Libraries.PossibleCodes(tested, OperationHelpers.Root(site)) is { } possible)
        {
            var within = selection.Within(possible);
            if (!within.Must.Equals(selection.Must) || !within.May.Equals(selection.May))
            {
                selection = within;
                kept = null;
            }
        }

        return new ReplyPath(kept ?? new Boxed<Selection>(selection), replyCatch);
    }

    /// <summary>
    /// The replies a catch clause receives (see <see cref="CaughtReply"/>, or a filter that tests the reply), narrowed
    /// by its filter; null when it receives none. Found once per clause: every site in the handler asks, and finding
    /// what a catch-all receives walks the whole try body.
    /// </summary>
    internal static Selection? CatchSelection(ICatchClauseOperation catchClause, ConditionEvaluator evaluator)
    {
        var caught = CaughtReply.Of(catchClause, evaluator.Recognizer.Libraries)
                     ?? (catchClause.Filter is { } filter && evaluator.Evaluate(filter).TestsReply
                         ? new ReplyExpression(ReplyValueKind.StatusCode, catchClause, catchClause.ExceptionDeclarationOrExpression)
                         : null);
        return caught is null ? null : evaluator.EvaluateCatch(catchClause, caught);
    }

    /// <summary>True when the test names a retry counter (attempt, retries, tries, ...).</summary>
    private static bool CountsAttempts(IOperation test)
    {
        if (test is not IConditionalOperation { Condition: { } condition })
        {
            return false;
        }

        return OperationHelpers.AnyInTree(condition, 0, static (operation, _) => operation switch
        {
            ILocalReferenceOperation l => AttemptBounds.NamesCounter(l.Local.Name),
            IFieldReferenceOperation f => AttemptBounds.NamesCounter(f.Field.Name),
            IPropertyReferenceOperation p => AttemptBounds.NamesCounter(p.Property.Name),
            IParameterReferenceOperation p => AttemptBounds.NamesCounter(p.Parameter.Name),
            _ => false,
        });
    }

    /// <summary>
    /// The replies that get past a switch on the reply whose sections return or throw and that has no default (the codes
    /// it does not list: <c>switch (code) { case 530: case 550: return false; } return true;</c>), or null.
    /// </summary>
    private static Selection? PastSwitch(ISwitchOperation switchOperation, ConditionEvaluator evaluator)
    {
        Selection? leaving = null;
        foreach (var section in switchOperation.Cases)
        {
            if (section.Clauses.Any(static clause => clause.CaseKind == CaseKind.Default))
            {
                return null;
            }

            if (section.Body.LastOrDefault() is not (IReturnOperation or IThrowOperation))
            {
                continue;
            }

            var selected = evaluator.EvaluateSwitchSection(switchOperation, section);
            if (!selected.TestsReply)
            {
                return null;
            }

            leaving = leaving is { } l ? l.Or(selected) : selected;
        }

        return leaving?.Not().WithAnchor(switchOperation.Syntax);
    }

    /// <summary>A reply read by a call in the test itself (<c>Send("NOOP") != 200</c>, <c>client.Execute("PWD").Code</c>), not held in a variable.</summary>
    private static bool IsReadInline(ReplyExpression reply)
        => OperationHelpers.StripConversions(reply.Receiver is null or IInstanceReferenceOperation ? reply.Operation : reply.Receiver)
            is IInvocationOperation or IAwaitOperation;

    /// <summary>
    /// True when two tests are of the same reply (or one of them does not say). A library's status (FtpWebResponse's
    /// StatusCode, read from the response or from the exception that carries it) counts as one reply; the project's own
    /// enum held in two variables is two replies (<c>renameFrom.Status</c>, then <c>renameTo.Status</c>).
    /// </summary>
    internal static bool SameReply(Selection a, Selection b)
    {
        var left = a.Reply?.RootSymbol;
        var right = b.Reply?.RootSymbol;
        return left is null || right is null || SymbolEqualityComparer.Default.Equals(left, right)
               || (IsLibraryStatus(a.Reply!) && IsLibraryStatus(b.Reply!));
    }

    private static bool IsLibraryStatus(ReplyExpression reply) => reply.Kind == ReplyValueKind.StatusCode && reply.Library is not HandWrittenClients;

    /// <summary>
    /// <c>if (code == 226) return true;</c> before the site: the site is reached only when the guard's test is false.
    /// </summary>
    private static Selection? GuardClauses(System.Collections.Immutable.ImmutableArray<IOperation> statements, IOperation? child, ConditionEvaluator evaluator)
    {
        Selection? result = null;
        foreach (var statement in statements)
        {
            if (statement == child)
            {
                break;
            }

            if (statement is IConditionalOperation guard && GuardedBy(guard, evaluator) is { } reached)
            {
                result = result is { } r ? r.And(reached) : reached;
            }
            else if (statement is ISwitchOperation switchOperation && PastSwitch(switchOperation, evaluator) is { } past)
            {
                result = result is { } r ? r.And(past) : past;
            }
            else if (result is { Reply.RootSymbol: { } replyVariable }
                     && (OperationHelpers.Assigns(statement, replyVariable) || ReadsReplyAgain(statement, evaluator, replyVariable)))
            {
                // The reply was read again (code = ReadReply();), or a command was sent and its reply read into the
                // field a helper updates (SendCommand("RNTO " + name); then _replyCode): the earlier guards tested
                // another reply.
                result = null;
            }
        }

        return result;
    }

    /// <summary>
    /// The replies that get past every guard of <paramref name="body"/> (<c>if (code == 250) return true;</c>) to its
    /// end, or null when no guard tests a reply.
    /// </summary>
    public static Selection? PastAll(IBlockOperation body, ConditionEvaluator evaluator) => GuardClauses(body.Operations, child: null, evaluator);

    /// <summary>True when a statement of <paramref name="body"/> sends a command or reads a reply (see <see cref="ReadsReplyAgain"/>).</summary>
    public static bool ReadsReplyAgainIn(IBlockOperation body, ConditionEvaluator evaluator)
    {
        foreach (var statement in body.Operations)
        {
            if (ReadsReplyAgain(statement, evaluator, holder: null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a statement before <paramref name="child"/> gives <paramref name="reply"/> a new value, or reads a new reply into it.</summary>
    private static bool ReadsAgainBefore(System.Collections.Immutable.ImmutableArray<IOperation> statements, IOperation child, ISymbol reply, ConditionEvaluator evaluator)
    {
        foreach (var statement in statements)
        {
            if (statement == child)
            {
                break;
            }

            if (OperationHelpers.Assigns(statement, reply) || ReadsReplyAgain(statement, evaluator, reply))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="statement"/> gives the reply held by <paramref name="holder"/> (the variable, field or
    /// client object the reply is read from; null: the object's own reply fields) a new value without assigning it:
    /// for a reply in a field or property of this object, when the statement sends a command (command text as an
    /// argument, a library call that sends one) or calls the object's own reply reader (ReadResponse()); for a reply
    /// read from a client object (<c>connection.ReplyCode</c>), when it calls that object's reply reader or command
    /// sender (<c>connection.ReadReply()</c>).
    /// </summary>
    private static bool ReadsReplyAgain(IOperation statement, ConditionEvaluator evaluator, ISymbol? holder)
        => OperationHelpers.AnyInTree(statement, (libraries: evaluator.Recognizer.Libraries, holder), static (operation, asked) =>
            operation is IInvocationOperation invocation
            && ((asked.holder is null or IFieldSymbol or IPropertySymbol && SendsOrReads(invocation, asked.libraries)) || ReadsFrom(invocation, asked.holder)));

    /// <summary><c>connection.ReadReply()</c>, <c>client.SendCommand(...)</c> on the object the reply is read from.</summary>
    private static bool ReadsFrom(IInvocationOperation invocation, ISymbol? holder)
        => holder is not null && invocation.Instance is { } instance and not IInstanceReferenceOperation
           && (HandWrittenClients.IsCommandSenderName(invocation.TargetMethod.Name) || HandWrittenClients.IsReplyReaderName(invocation.TargetMethod.Name))
           && SymbolEqualityComparer.Default.Equals(OperationHelpers.RootSymbolOf(instance), holder);

    /// <summary>A call that sends a command or reads the object's own reply (see <see cref="ReadsReplyAgain"/>).</summary>
    private static bool SendsOrReads(IInvocationOperation invocation, FtpLibraries libraries)
    {
        if (libraries.CommandOf(invocation) is not null
            || (invocation.Instance is null or IInstanceReferenceOperation
                && (HandWrittenClients.IsCommandSenderName(invocation.TargetMethod.Name) || HandWrittenClients.IsReplyReaderName(invocation.TargetMethod.Name))))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (CommandText.VerbOf(argument.Value) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The replies that get past a guard (<c>if (code == 226) return true;</c>, or a chain of else-ifs that each leave
    /// and no final else): those for which every test of the chain is false; null when it tests no reply.
    /// </summary>
    private static Selection? GuardedBy(IConditionalOperation guard, ConditionEvaluator evaluator)
    {
        Selection? reached = null;
        for (IOperation? link = guard; link is not null;)
        {
            if (link is not IConditionalOperation conditional || !AlwaysLeaves(conditional.WhenTrue, evaluator.Recognizer.Libraries))
            {
                return null;
            }

            var test = evaluator.Evaluate(conditional.Condition);
            if (!test.TestsReply)
            {
                return null;
            }

            reached = reached is { } r ? r.And(test.Not()) : test.Not();
            link = conditional.WhenFalse;
        }

        return reached;
    }

    /// <summary>True when a statement always jumps away (return, throw, continue, break, goto, a call of a throw helper).</summary>
    public static bool AlwaysLeaves(IOperation? statement, FtpLibraries libraries)
    {
        switch (statement)
        {
            case IReturnOperation:
            case IThrowOperation:
            case IBranchOperation:
                return true;
            case IExpressionStatementOperation { Operation: IThrowOperation }:
                return true;
            case IExpressionStatementOperation:
                return ThrowHelpers.IsCallStatement(statement, libraries);
            case IBlockOperation block when block.Operations.Length > 0:
                return AlwaysLeaves(block.Operations[block.Operations.Length - 1], libraries);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return AlwaysLeaves(conditional.WhenTrue, libraries) && AlwaysLeaves(whenFalse, libraries);
            default:
                return false;
        }
    }
}
