using System;
using System.Globalization;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// Decides which reply codes a condition selects: comparisons, ranges, <c>/ 100</c>, <c>StartsWith("4")</c>,
/// patterns, switch labels and arms, and the filters of catch clauses.
/// </summary>
internal sealed class ConditionEvaluator
{
    private static readonly ReplyCodeSet Negative = ReplyCodeSet.Range(400, 599);
    private static readonly ReplyCodeSet Succeeded = ReplyCodeSet.Range(100, 399);

    private readonly ReplyRecognizer _recognizer;
    private OperationCache<IOperation, Boxed<Selection>> _cache;
    private readonly bool _attemptsLeft;
    private ConditionEvaluator? _whileAttemptsLeft;

    public ConditionEvaluator(ReplyRecognizer recognizer)
        : this(recognizer, attemptsLeft: false)
    {
    }

    private ConditionEvaluator(ReplyRecognizer recognizer, bool attemptsLeft)
    {
        _recognizer = recognizer;
        _attemptsLeft = attemptsLeft;
    }

    public ReplyRecognizer Recognizer => _recognizer;

    /// <summary>
    /// The evaluator a retry is judged with: it takes the tests that bound the attempts (<see cref="AttemptBounds"/>) as
    /// passed, so <c>code &gt;= 500 &amp;&amp; attempt &lt; 3</c> selects the 5xx replies it retries while attempts are left.
    /// </summary>
    public ConditionEvaluator WhileAttemptsLeft => _whileAttemptsLeft ??= _attemptsLeft ? this : new ConditionEvaluator(_recognizer, attemptsLeft: true);

    /// <summary>True for the evaluator of <see cref="WhileAttemptsLeft"/>.</summary>
    public bool TakesAttemptsAsLeft => _attemptsLeft;

    /// <summary>The codes for which <paramref name="condition"/> is true.</summary>
    public Selection Evaluate(IOperation? condition) => condition is null ? Selection.Unknown : EvaluateKept(condition).Value;

    /// <summary>What <see cref="Evaluate"/> answers, as the evaluator keeps it: a path that it alone decides holds it as is.</summary>
    public Boxed<Selection> EvaluateKept(IOperation condition)
        => _cache.TryGet(condition, out var found) ? found : _cache.Keep(condition, new Boxed<Selection>(Evaluate(condition, 0)));

    private Selection Evaluate(IOperation? condition, int depth)
    {
        condition = OperationHelpers.StripConversions(condition);
        if (condition is null || depth > 16)
        {
            return Selection.Unknown;
        }

        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant ? new Selection(ReplyCodeSet.All, ReplyCodeSet.All, null, null) : new Selection(ReplyCodeSet.Empty, ReplyCodeSet.Empty, null, null);
        }

        if (_attemptsLeft && AttemptBounds.Is(condition, _recognizer))
        {
            return Neutral;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                var negated = Evaluate(not.Operand, depth + 1).Not();
                return negated.TestsReply ? negated.WithAnchor(not.Syntax) : negated;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction when IsBool(conjunction):
                return Evaluate(conjunction.LeftOperand, depth + 1).And(Evaluate(conjunction.RightOperand, depth + 1));

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction when IsBool(disjunction):
                return Evaluate(disjunction.LeftOperand, depth + 1).Or(Evaluate(disjunction.RightOperand, depth + 1));

            case IBinaryOperation comparison:
                return EvaluateComparison(comparison);

            case IIsPatternOperation { Pattern: IDeclarationPatternOperation or ITypePatternOperation } typeTest when IsFtpObject(typeTest.Pattern.NarrowedType):
                // ex.Response is FtpWebResponse response: only says the reply is there.
                return Neutral;

            case IIsPatternOperation isPattern:
                return EvaluateIsPattern(isPattern.Value, isPattern.Pattern, isPattern.Syntax);

            case IIsTypeOperation isType when IsFtpObject(isType.TypeOperand):
                return Neutral;

            case IInvocationOperation invocation:
                var called = EvaluateInvocation(invocation);
                return called.TestsReply ? called : Inline(invocation, depth);
        }

        // reply.Success as a condition of its own.
        var reply = _recognizer.Recognize(condition);
        if (reply is { Kind: ReplyValueKind.SuccessFlag })
        {
            return Selection.Exactly(Succeeded, reply, condition.Syntax);
        }

        return Inline(condition, depth);
    }

    /// <summary>
    /// A hand-written client's own test: <c>r.IsSuccess</c>, <c>IsTransient(r)</c>. When the property or method is
    /// declared in the same file with a one-expression body, that body is evaluated in its place.
    /// </summary>
    private Selection Inline(IOperation condition, int depth)
    {
        if (depth > 3 || condition.Type?.SpecialType != SpecialType.System_Boolean || condition.SemanticModel is not { } model)
        {
            return Selection.Unknown;
        }

        ISymbol? target = condition switch
        {
            IPropertyReferenceOperation property => property.Property.GetMethod,
            IInvocationOperation { Arguments.Length: <= 1 } call when HandWrittenClients.NameMentions(call.TargetMethod.Name, "Retr") is false => call.TargetMethod,
            _ => null,
        };
        if (target is null || target.DeclaringSyntaxReferences.Length != 1)
        {
            return Selection.Unknown;
        }

        var declaration = target.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree)
        {
            return Selection.Unknown;
        }

        var body = BodyExpression(declaration.GetSyntax());
        if (body is null || model.GetOperation(body) is not { } inner)
        {
            return Selection.Unknown;
        }

        var selection = Evaluate(inner, depth + 1);
        return selection.TestsReply ? selection.WithAnchor(condition.Syntax) : Selection.Unknown;
    }

    /// <summary>The one expression a getter or method returns: <c>=> expr</c>, or a body of a single <c>return expr;</c>.</summary>
    private static SyntaxNode? BodyExpression(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: { } arrow }:
                return arrow.Expression;
            case Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax accessor:
                return accessor.ExpressionBody?.Expression ?? SingleReturn(accessor.Body);
            case Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax arrowClause:
                return arrowClause.Expression;
            case Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method:
                return method.ExpressionBody?.Expression ?? SingleReturn(method.Body);
            default:
                return null;
        }
    }

    private static SyntaxNode? SingleReturn(Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax? block)
        => block is { Statements.Count: 1 } && block.Statements[0] is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax { Expression: { } expression } ? expression : null;

    /// <summary>A test that holds for every reply (a type test on the object that carries it).</summary>
    private static Selection Neutral => new(ReplyCodeSet.All, ReplyCodeSet.All, null, null);

    /// <summary>Responses, replies, the exceptions that carry them: the objects that carry a reply.</summary>
    private bool IsFtpObject(ITypeSymbol? type) => _recognizer.Libraries.IsReplyObject(type);

    /// <summary>The codes a pattern accepts for a reply value.</summary>
    public Selection EvaluatePattern(ReplyExpression reply, IPatternOperation pattern, int divisor = 1)
    {
        var (must, may) = Pattern(reply, pattern, divisor, 0);
        return new Selection(must, may, reply, pattern.Syntax);
    }

    /// <summary><c>value is pattern</c>, including property patterns on the object that holds the reply.</summary>
    public Selection EvaluateIsPattern(IOperation value, IPatternOperation pattern, SyntaxNode anchor)
    {
        if (ValueOf(value) is { } operand)
        {
            var (must, may) = Pattern(operand.Reply, pattern, operand.Divisor, 0);
            return new Selection(must, may, operand.Reply, anchor);
        }

        return PatternOnHolder(pattern, anchor, 0);
    }

    /// <summary>The codes with which a switch section is entered.</summary>
    public Selection EvaluateSwitchSection(ISwitchOperation switchOperation, ISwitchCaseOperation section)
    {
        var operand = ValueOf(switchOperation.Value);
        if (operand is null)
        {
            return Selection.Unknown;
        }

        if (HasDefault(section))
        {
            // default: the codes no other section surely takes.
            var others = ReplyCodeSet.Empty;
            var othersMust = ReplyCodeSet.Empty;
            foreach (var other in switchOperation.Cases)
            {
                if (other != section && !HasDefault(other))
                {
                    var s = SectionSelection(operand.Value, other);
                    others = others.Union(s.May);
                    othersMust = othersMust.Union(s.Must);
                }
            }

            var explicitLabels = SectionSelection(operand.Value, section);
            var defaultSelection = new Selection(others.Complement(), othersMust.Complement(), operand.Value.Reply, section.Clauses[0].Syntax);
            return explicitLabels.Or(defaultSelection);
        }

        return SectionSelection(operand.Value, section);
    }

    /// <summary>The codes with which a switch expression arm is taken (earlier arms take theirs first).</summary>
    public Selection EvaluateSwitchArm(ISwitchExpressionOperation switchExpression, ISwitchExpressionArmOperation arm)
    {
        var operand = ValueOf(switchExpression.Value);
        Selection Arm(ISwitchExpressionArmOperation a)
        {
            var selection = operand is { } o
                ? new Selection(Pattern(o.Reply, a.Pattern, o.Divisor, 0).Must, Pattern(o.Reply, a.Pattern, o.Divisor, 0).May, o.Reply, a.Pattern.Syntax)
                : PatternOnHolder(a.Pattern, a.Pattern.Syntax, 0);
            return a.Guard is null ? selection : selection.And(Evaluate(a.Guard));
        }

        var current = Arm(arm);
        if (!current.TestsReply)
        {
            return Selection.Unknown;
        }

        foreach (var earlier in switchExpression.Arms)
        {
            if (earlier == arm)
            {
                break;
            }

            current = current.And(Arm(earlier).Not().WithAnchor(current.Anchor!));
        }

        return current.WithAnchor(arm.Pattern.Syntax);
    }

    /// <summary>The codes that reach a catch clause: the negative replies its exception carries, narrowed by its filter.</summary>
    public Selection EvaluateCatch(ICatchClauseOperation catchClause, ReplyExpression caught)
    {
        var codes = _recognizer.Libraries.CodeOfException(catchClause.ExceptionType) is { } code ? ReplyCodeSet.Single(code) : Negative;
        var selection = Selection.Exactly(codes, caught, catchClause.Syntax);
        if (catchClause.Filter is { } filter)
        {
            var filtered = Evaluate(filter);
            selection = new Selection(selection.Must.Intersect(filtered.Must), selection.May.Intersect(filtered.May), caught, filtered.Anchor ?? catchClause.Syntax);
        }

        // catch (FtpCommandException ex) when (ex.CompletionCode == "550") { throw; } before this one: the codes an
        // earlier clause's filter surely takes never reach this clause.
        if (catchClause.Parent is ITryOperation tryOperation)
        {
            foreach (var earlier in tryOperation.Catches)
            {
                if (earlier == catchClause)
                {
                    break;
                }

                if (earlier.Filter is { } earlierFilter && OperationHelpers.CatchReceives(earlier.ExceptionType, catchClause.ExceptionType) && ReadsOnlyTheException(earlierFilter, earlier)
                    && Evaluate(earlierFilter) is { TestsReply: true } taken)
                {
                    selection = new Selection(selection.Must.Except(taken.Must), selection.May.Except(taken.Must), caught, selection.Anchor);
                }
            }
        }

        return selection;
    }

    /// <summary>
    /// True when a catch filter reads nothing but its exception and constants (<c>e.CompletionCode is "550" or "553"</c>):
    /// then the codes it selects are surely taken. A filter that also reads an attempt counter or a flag
    /// (<c>&amp;&amp; attempt &gt; 1</c>) takes them only sometimes.
    /// </summary>
    private static bool ReadsOnlyTheException(IOperation filter, ICatchClauseOperation clause)
        => !OperationHelpers.AnyInTree(filter, clause, static (operation, clause) => operation switch
        {
            ILocalReferenceOperation local => !System.Linq.Enumerable.Contains(clause.Locals, local.Local, SymbolEqualityComparer.Default),
            IParameterReferenceOperation or IInstanceReferenceOperation => true,
            IFieldReferenceOperation field => !field.Field.IsConst && field.Instance is null or IInstanceReferenceOperation,
            IPropertyReferenceOperation property => property.Instance is null or IInstanceReferenceOperation,
            _ => false,
        });

    private Selection SectionSelection(Operand operand, ISwitchCaseOperation section)
    {
        var result = new Selection(ReplyCodeSet.Empty, ReplyCodeSet.Empty, operand.Reply, null);
        foreach (var clause in section.Clauses)
        {
            Selection clauseSelection;
            switch (clause)
            {
                case ISingleValueCaseClauseOperation single:
                    var code = ConstantCode(single.Value, operand.Reply.Kind);
                    var set = code is null ? ReplyCodeSet.Empty : Scale(ReplyCodeSet.Single(code.Value), operand.Divisor, code.Value);
                    clauseSelection = code is null ? Selection.Unknown : Selection.Exactly(set, operand.Reply, clause.Syntax);
                    break;
                case IPatternCaseClauseOperation patternClause:
                    var (must, may) = Pattern(operand.Reply, patternClause.Pattern, operand.Divisor, 0);
                    clauseSelection = new Selection(must, may, operand.Reply, clause.Syntax);
                    if (patternClause.Guard is { } guard)
                    {
                        clauseSelection = clauseSelection.And(Evaluate(guard));
                    }

                    break;
                case IDefaultCaseClauseOperation:
                    continue;
                default:
                    clauseSelection = Selection.Unknown;
                    break;
            }

            result = result.Or(clauseSelection);
        }

        return result;
    }

    private static bool HasDefault(ISwitchCaseOperation section)
    {
        foreach (var clause in section.Clauses)
        {
            if (clause is IDefaultCaseClauseOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsException(ITypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == "Exception" && t.ContainingNamespace?.Name == "System")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBool(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

    private readonly struct Operand
    {
        public Operand(ReplyExpression reply, int divisor)
        {
            Reply = reply;
            Divisor = divisor;
        }

        public ReplyExpression Reply { get; }

        /// <summary>1 for the code, 100 for the first digit (code / 100), 10 for the first two.</summary>
        public int Divisor { get; }
    }

    /// <summary>The reply an operand reads, with the divisor applied to it.</summary>
    private Operand? ValueOf(IOperation? operation)
    {
        operation = OperationHelpers.StripConversions(operation);
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division
            && division.RightOperand.ConstantValue is { HasValue: true, Value: int divisor and (10 or 100) }
            && _recognizer.Recognize(division.LeftOperand) is { Kind: ReplyValueKind.StatusCode or ReplyValueKind.Number } divided)
        {
            return new Operand(divided, divisor);
        }

        // line[0] or code[0]: the first digit of a reply.
        if (operation is not null && operation.Type?.SpecialType == SpecialType.System_Char && IsFirstCharacter(operation, out var text)
            && _recognizer.IsReplyText(text))
        {
            return new Operand(new ReplyExpression(ReplyValueKind.Text, operation, text), 100);
        }

        var reply = _recognizer.Recognize(operation);
        if (reply is null)
        {
            return null;
        }

        return new Operand(reply, reply.Kind == ReplyValueKind.Category ? 100 : 1);
    }

    private static bool IsFirstCharacter(IOperation operation, out IOperation? text)
    {
        text = null;
        if (operation is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer
            && indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 0 })
        {
            text = instance;
            return true;
        }

        return false;
    }

    private Selection EvaluateComparison(IBinaryOperation comparison)
    {
        var kind = comparison.OperatorKind;
        if (kind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
            or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
        {
            return Selection.Unknown;
        }

        var left = ValueOf(comparison.LeftOperand);
        var right = left is null ? ValueOf(comparison.RightOperand) : null;
        IOperation constantSide;
        Operand operand;
        if (left is { } l)
        {
            operand = l;
            constantSide = comparison.RightOperand;
        }
        else if (right is { } r)
        {
            operand = r;
            constantSide = comparison.LeftOperand;
            kind = Flip(kind);
        }
        else
        {
            // response != null on the object that carries the reply: only says the reply is there.
            if (comparison.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
            {
                var leftOperand = OperationHelpers.StripConversions(comparison.LeftOperand);
                var rightOperand = OperationHelpers.StripConversions(comparison.RightOperand);
                var objectSide = leftOperand?.ConstantValue is { HasValue: true, Value: null } ? rightOperand
                    : rightOperand?.ConstantValue is { HasValue: true, Value: null } ? leftOperand : null;
                if (objectSide is not null && IsFtpObject(objectSide.Type))
                {
                    return comparison.OperatorKind == BinaryOperatorKind.NotEquals ? Neutral : new Selection(ReplyCodeSet.Empty, ReplyCodeSet.Empty, null, null);
                }
            }

            return EvaluateProtocolErrorStatus(comparison);
        }

        if (operand.Reply.Kind == ReplyValueKind.SuccessFlag)
        {
            if (constantSide.ConstantValue is { HasValue: true, Value: bool flag } && kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
            {
                var successWanted = flag == (kind == BinaryOperatorKind.Equals);
                return Selection.Exactly(successWanted ? Succeeded : Succeeded.Complement(), operand.Reply, comparison.Syntax);
            }

            return Selection.Unknown;
        }

        if (OperationHelpers.StripConversions(constantSide)?.ConstantValue is { HasValue: true, Value: null }
            && kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            // A null test only says the reply is there: true for every code, or for none.
            return Selection.Exactly(kind == BinaryOperatorKind.NotEquals ? ReplyCodeSet.All : ReplyCodeSet.Empty, operand.Reply, comparison.Syntax);
        }

        var value = ConstantCode(constantSide, operand.Reply.Kind, operand.Divisor);
        if (value is null)
        {
            return Selection.Unknown;
        }

        var set = Compare(kind, value.Value, operand.Divisor);
        return Selection.Exactly(set, operand.Reply, comparison.Syntax);
    }

    /// <summary><c>ex.Status == WebExceptionStatus.ProtocolError</c>: the server answered with a negative reply.</summary>
    private Selection EvaluateProtocolErrorStatus(IBinaryOperation comparison)
    {
        if (comparison.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            return Selection.Unknown;
        }

        var left = OperationHelpers.StripConversions(comparison.LeftOperand);
        var right = OperationHelpers.StripConversions(comparison.RightOperand);
        var negativeFlag = left is not null && right is not null ? _recognizer.Libraries.NegativeReplyFlag(left, right) ?? _recognizer.Libraries.NegativeReplyFlag(right, left) : null;
        if (negativeFlag is { } flag)
        {
            var reply = new ReplyExpression(ReplyValueKind.StatusCode, flag, OperationHelpers.ReceiverOf(flag));
            var selection = Selection.Exactly(Negative, reply, comparison.Syntax);
            return comparison.OperatorKind == BinaryOperatorKind.Equals ? selection : selection.Not();
        }

        return Selection.Unknown;
    }

    private Selection EvaluateInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "StartsWith" when invocation.Instance is { } text && invocation.Arguments.Length >= 1 && _recognizer.IsReplyText(text):
                {
                    var prefix = ConstantOf(invocation.Arguments[0].Value);
                    var digits = prefix is { HasValue: true, Value: string s } ? s : prefix is { HasValue: true, Value: char c } ? c.ToString() : null;
                    var set = PrefixSet(digits);
                    if (set is null)
                    {
                        return Selection.Unknown;
                    }

                    var reply = _recognizer.Recognize(text) ?? new ReplyExpression(ReplyValueKind.Text, text, null);
                    return Selection.Exactly(set.Value, reply, invocation.Syntax);
                }

            case "Equals" when method.ContainingType.SpecialType == SpecialType.System_String || invocation.Instance is not null:
                {
                    IOperation? a, b;
                    if (invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
                    {
                        a = instance;
                        b = invocation.Arguments[0].Value;
                    }
                    else if (invocation.Instance is null && invocation.Arguments.Length >= 2)
                    {
                        a = invocation.Arguments[0].Value;
                        b = invocation.Arguments[1].Value;
                    }
                    else
                    {
                        return Selection.Unknown;
                    }

                    var operand = ValueOf(a) ?? ValueOf(b);
                    var constant = ValueOf(a) is null ? a : b;
                    if (operand is null || operand.Value.Reply.Kind == ReplyValueKind.SuccessFlag)
                    {
                        return Selection.Unknown;
                    }

                    var code = ConstantCode(constant, operand.Value.Reply.Kind, operand.Value.Divisor);
                    return code is null ? Selection.Unknown : Selection.Exactly(Compare(BinaryOperatorKind.Equals, code.Value, operand.Value.Divisor), operand.Value.Reply, invocation.Syntax);
                }

            case "IsNullOrEmpty" or "IsNullOrWhiteSpace" when invocation.Arguments.Length == 1 && _recognizer.IsReplyText(invocation.Arguments[0].Value):
                {
                    var text = invocation.Arguments[0].Value;
                    var reply = _recognizer.Recognize(text) ?? new ReplyExpression(ReplyValueKind.Text, text, null);
                    return Selection.Exactly(ReplyCodeSet.Empty, reply, invocation.Syntax);
                }

            case "Contains" when invocation.Instance is { Type.SpecialType: SpecialType.System_String } messageText && invocation.Arguments.Length >= 1
                                 && CodeInText(invocation.Arguments[0].Value) is { } mentioned && IsReplyMessage(messageText):
                {
                    // ex.Message.Contains("550"), reply.Contains("(426)"): the text of a negative reply names its code.
                    var reply = _recognizer.Recognize(messageText) ?? new ReplyExpression(ReplyValueKind.Text, messageText, OperationHelpers.ReceiverOf(messageText));
                    return Selection.Exactly(ReplyCodeSet.Single(mentioned), reply, invocation.Syntax);
                }

            case "Contains" when invocation.Arguments.Length >= 1:
                {
                    // new[] { 421, 425, 426 }.Contains(code), list.Contains(reply.Code)
                    var collection = invocation.Instance ?? (invocation.Arguments.Length >= 2 ? invocation.Arguments[0].Value : null);
                    var item = invocation.Instance is null ? (invocation.Arguments.Length >= 2 ? invocation.Arguments[1].Value : null) : invocation.Arguments[0].Value;
                    var operand = ValueOf(item);
                    var elements = ElementsOf(OperationHelpers.StripConversions(collection));
                    if (operand is null || elements is null || operand.Value.Reply.Kind == ReplyValueKind.SuccessFlag)
                    {
                        return Selection.Unknown;
                    }

                    var set = ReplyCodeSet.Empty;
                    foreach (var element in elements)
                    {
                        var code = ConstantCode(element, operand.Value.Reply.Kind, operand.Value.Divisor);
                        if (code is null)
                        {
                            return Selection.Unknown;
                        }

                        set = set.Union(Compare(BinaryOperatorKind.Equals, code.Value, operand.Value.Divisor));
                    }

                    return Selection.Exactly(set, operand.Value.Reply, invocation.Syntax);
                }
        }

        return Selection.Unknown;
    }

    /// <summary>"550", "(550)", "550 ": the one reply code a searched text names.</summary>
    private static int? CodeInText(IOperation argument)
    {
        if (argument.ConstantValue is not { HasValue: true, Value: string text })
        {
            return null;
        }

        text = text.Trim().Trim('(', ')').Trim();
        return text.Length == 3 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && ReplyCatalog.IsDefined(code) ? code : null;
    }

    /// <summary>The message of an exception that carries a reply (WebException, FluentFTP's), or a string that holds a reply line.</summary>
    private bool IsReplyMessage(IOperation text)
    {
        text = OperationHelpers.StripConversions(text) ?? text;
        if (text is IPropertyReferenceOperation { Property.Name: "Message", Instance: { } exception } && _recognizer.Libraries.IsReplyObject(exception.Type)
            && exception.Type is { } type && type.TypeKind == TypeKind.Class && IsException(type))
        {
            return true;
        }

        return _recognizer.IsReplyText(text);
    }

    private System.Collections.Generic.IEnumerable<IOperation>? ElementsOf(IOperation? collection) => ElementsOf(collection, _recognizer.Libraries);

    /// <summary>
    /// The elements of a list of codes written in the code: an array or collection initializer, inline, in a local's
    /// initial value, or in a readonly field's; null when the list is not written out.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<IOperation>? ElementsOf(IOperation? collection, FtpLibraries libraries, int depth = 0)
    {
        switch (collection)
        {
            // static readonly int[] Accepted = { 226, 250 }; readonly HashSet<string> _ok = new() { "226" };
            case IFieldReferenceOperation { Field: { } field } when depth == 0 && (field.IsReadOnly || field.IsConst):
                foreach (var reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                    {
                        return ElementsOf(OperationHelpers.StripConversions(libraries.ModelOf(initializer.SyntaxTree).GetOperation(initializer)), libraries, depth + 1);
                    }
                }

                return null;

            // var accepted = new[] { 226, 250 }; ... accepted.Contains(code)
            case ILocalReferenceOperation { Local: { } local } when depth == 0:
                foreach (var operation in OperationHelpers.Root(collection).Descendants())
                {
                    if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    {
                        return declarator.Initializer is { Value: { } value } ? ElementsOf(OperationHelpers.StripConversions(value), libraries, depth + 1) : null;
                    }
                }

                return null;

            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues;
            case IArrayInitializerOperation arrayInitializer:
                return arrayInitializer.ElementValues;
            case IObjectCreationOperation { Initializer: { } objectInitializer }:
                var values = new System.Collections.Generic.List<IOperation>();
                foreach (var init in objectInitializer.Initializers)
                {
                    if (init is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        values.Add(add.Arguments[0].Value);
                    }
                    else
                    {
                        return null;
                    }
                }

                return values;
            default:
                return null;
        }
    }

    private (ReplyCodeSet Must, ReplyCodeSet May) Pattern(ReplyExpression reply, IPatternOperation pattern, int divisor, int depth)
    {
        if (depth > 16)
        {
            return (ReplyCodeSet.Empty, ReplyCodeSet.All);
        }

        switch (pattern)
        {
            case IConstantPatternOperation constant:
                {
                    if (reply.Kind == ReplyValueKind.SuccessFlag)
                    {
                        if (constant.Value.ConstantValue is { HasValue: true, Value: bool flag })
                        {
                            var s = flag ? Succeeded : Succeeded.Complement();
                            return (s, s);
                        }

                        return (ReplyCodeSet.Empty, ReplyCodeSet.All);
                    }

                    var code = ConstantCode(constant.Value, reply.Kind, divisor);
                    if (code is null)
                    {
                        return (ReplyCodeSet.Empty, ReplyCodeSet.All);
                    }

                    var set = Compare(BinaryOperatorKind.Equals, code.Value, divisor);
                    return (set, set);
                }

            case IRelationalPatternOperation relational:
                {
                    var code = ConstantCode(relational.Value, reply.Kind, divisor);
                    if (code is null)
                    {
                        return (ReplyCodeSet.Empty, ReplyCodeSet.All);
                    }

                    var set = Compare(relational.OperatorKind, code.Value, divisor);
                    return (set, set);
                }

            case INegatedPatternOperation negated:
                {
                    var (must, may) = Pattern(reply, negated.Pattern, divisor, depth + 1);
                    return (may.Complement(), must.Complement());
                }

            case IBinaryPatternOperation binary:
                {
                    var left = Pattern(reply, binary.LeftPattern, divisor, depth + 1);
                    var right = Pattern(reply, binary.RightPattern, divisor, depth + 1);
                    return binary.OperatorKind == BinaryOperatorKind.And
                        ? (left.Must.Intersect(right.Must), left.May.Intersect(right.May))
                        : (left.Must.Union(right.Must), left.May.Union(right.May));
                }

            case IDiscardPatternOperation:
            case IDeclarationPatternOperation:
            case ITypePatternOperation:
                return (ReplyCodeSet.All, ReplyCodeSet.All);

            case IRecursivePatternOperation:
                {
                    var nested = PatternOnHolder(pattern, pattern.Syntax, depth + 1);
                    return (nested.Must, nested.May);
                }

            default:
                return (ReplyCodeSet.Empty, ReplyCodeSet.All);
        }
    }

    /// <summary>A property pattern on the object that holds the reply: <c>reply is { Code: "426" }</c>, <c>ex.Response is FtpWebResponse { StatusCode: ... }</c>.</summary>
    private Selection PatternOnHolder(IPatternOperation pattern, SyntaxNode anchor, int depth)
    {
        if (pattern is IBinaryPatternOperation binary && depth < 16)
        {
            var left = PatternOnHolder(binary.LeftPattern, anchor, depth + 1);
            var right = PatternOnHolder(binary.RightPattern, anchor, depth + 1);
            return binary.OperatorKind == BinaryOperatorKind.And ? left.And(right) : left.Or(right);
        }

        if (pattern is INegatedPatternOperation negated && depth < 16)
        {
            return PatternOnHolder(negated.Pattern, anchor, depth + 1).Not();
        }

        if (pattern is not IRecursivePatternOperation recursive || depth > 16)
        {
            return Selection.Unknown;
        }

        var result = new Selection(ReplyCodeSet.All, ReplyCodeSet.All, null, null);
        foreach (var sub in recursive.PropertySubpatterns)
        {
            if (sub.Pattern is IDiscardPatternOperation or IDeclarationPatternOperation { DeclaredSymbol: not null, MatchedType: null })
            {
                continue;
            }

            var reply = _recognizer.Recognize(sub.Member);
            Selection subSelection;
            if (reply is not null)
            {
                var (must, may) = Pattern(reply, sub.Pattern, reply.Kind == ReplyValueKind.Category ? 100 : 1, depth + 1);
                subSelection = new Selection(must, may, reply, sub.Syntax);
            }
            else
            {
                subSelection = PatternOnHolder(sub.Pattern, anchor, depth + 1);
            }

            result = result.And(subSelection);
        }

        return result.TestsReply ? result.WithAnchor(anchor) : Selection.Unknown;
    }

    /// <summary>The set of codes <c>value op constant</c> selects, where value is the code divided by <paramref name="divisor"/>.</summary>
    private static ReplyCodeSet Compare(BinaryOperatorKind kind, long constant, int divisor)
    {
        long low = constant * divisor, high = constant * divisor + divisor - 1;
        return kind switch
        {
            BinaryOperatorKind.Equals => ReplyCodeSet.Range(low, high),
            BinaryOperatorKind.NotEquals => ReplyCodeSet.Range(low, high).Complement(),
            BinaryOperatorKind.LessThan => ReplyCodeSet.Range(0, low - 1),
            BinaryOperatorKind.LessThanOrEqual => ReplyCodeSet.Range(0, high),
            BinaryOperatorKind.GreaterThan => ReplyCodeSet.Range(high + 1, 999),
            BinaryOperatorKind.GreaterThanOrEqual => ReplyCodeSet.Range(low, 999),
            _ => ReplyCodeSet.Empty,
        };
    }

    private static ReplyCodeSet Scale(ReplyCodeSet single, int divisor, long value) => divisor == 1 ? single : Compare(BinaryOperatorKind.Equals, value, divisor);

    private static BinaryOperatorKind Flip(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    /// <summary>"4" selects 400-499, "42" 420-429, "426" just 426.</summary>
    private static ReplyCodeSet? PrefixSet(string? digits)
    {
        // "213 " (the last line of a reply) and "213-" (the first line of a multi-line one): the code 213 either way.
        if (digits is { Length: 4 } && digits[3] is ' ' or '-')
        {
            digits = digits.Substring(0, 3);
        }

        if (digits is null || digits.Length is < 1 or > 3)
        {
            return null;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }

        var value = int.Parse(digits, CultureInfo.InvariantCulture);
        var scale = digits.Length == 1 ? 100 : digits.Length == 2 ? 10 : 1;
        return ReplyCodeSet.Range(value * scale, value * scale + scale - 1);
    }

    /// <summary>
    /// The value of a constant, or of a <c>static readonly</c> field of a number or text written with a literal
    /// (<c>public static readonly string TransferComplete = "226";</c>): a constant the compiler does not fold.
    /// </summary>
    public static Optional<object?> ConstantOf(IOperation? operation)
    {
        if (operation is null)
        {
            return default;
        }

        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue;
        }

        if (operation is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String or SpecialType.System_Int32 } field }
            && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax
            {
                Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal,
            })
        {
            return new Optional<object?>(literal.Token.Value);
        }

        return default;
    }

    /// <summary>The code a constant written in the code stands for: text ("331") or a number (331, an enum member).</summary>
    public static long? WrittenCode(IOperation constant)
        => ConstantCode(constant, constant.Type?.SpecialType == SpecialType.System_String ? ReplyValueKind.Text : ReplyValueKind.Number);

    /// <summary>The number a constant operand stands for, in the units of the compared value.</summary>
    public static long? ConstantCode(IOperation? constant, ReplyValueKind kind, int divisor = 1)
    {
        var value = ConstantOf(OperationHelpers.StripConversions(constant));
        if (!value.HasValue && constant?.ConstantValue is { HasValue: true } outer)
        {
            value = outer;
        }

        if (!value.HasValue || value.Value is null)
        {
            return null;
        }

        switch (value.Value)
        {
            case string text:
                text = text.Trim();
                if (text.Length == 0 || text.Length > 3 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return null;
                }

                // A one-digit string compared with the first digit.
                return divisor == 100 && text.Length == 1 ? parsed : text.Length == 3 ? parsed / divisor : null;
            case char c when c is >= '0' and <= '9':
                return divisor == 100 ? c - '0' : null;
            case bool:
                return null;
            default:
                try
                {
                    return Convert.ToInt64(value.Value, CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
                {
                    return null;
                }
        }
    }
}
