using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>
/// The project's own check methods, shared by several callers, that throw unless the reply is one the caller passes
/// in: <c>void Expect(string reply, string expected) { if (!reply.StartsWith(expected)) throw ...; }</c> called as
/// <c>Expect(reply, "331")</c> after USER, or <c>Check(request, FtpStatusCode.ClosingData)</c>. The give-up is
/// the caller's choice of codes, so a call is judged where it is made, like a library call that throws on every
/// reply but the codes it is given.
/// </summary>
internal sealed class CheckMethods
{
    private readonly FtpLibraries _libraries;

    // For each method asked about: the parameters whose codes it accepts, one bit per ordinal; 0 when it is no such check.
    private readonly ConcurrentDictionary<IMethodSymbol, long> _checked = new(SymbolEqualityComparer.Default);

    // For each method asked about as a membership test: the ordinals of its list and item parameters, or -1.
    private readonly ConcurrentDictionary<IMethodSymbol, (int List, int Item)> _membership = new(SymbolEqualityComparer.Default);

    public CheckMethods(FtpLibraries libraries) => _libraries = libraries;

    /// <summary>The codes a call of a check method accepts (the constants it passes), and their kind; null for any other call.</summary>
    public (ImmutableArray<IOperation> Codes, ReplyValueKind Kind)? AcceptedBy(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty || method.Parameters.IsEmpty || method.IsAbstract)
        {
            return null;
        }

        // The cheap test first: a code, or a list of codes, written at the call.
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || KindOf(parameter.Type) is not { } kind || CodesOf(argument.Value) is not { IsEmpty: false } codes)
            {
                continue;
            }

            if (parameter.Ordinal < 64 && (_checked.GetOrAdd(method, Analyze) & (1L << parameter.Ordinal)) != 0)
            {
                return (codes, kind);
            }
        }

        return null;
    }

    private static ReplyValueKind? KindOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        return type.SpecialType switch
        {
            SpecialType.System_String => ReplyValueKind.Text,
            SpecialType.System_Int32 or SpecialType.System_Int16 => ReplyValueKind.Number,
            _ => type.TypeKind == TypeKind.Enum ? ReplyValueKind.StatusCode : null,
        };
    }

    /// <summary>The reply codes written as the argument: one constant, or a list of them (params, a local's or a field's array).</summary>
    private ImmutableArray<IOperation> CodesOf(IOperation value)
    {
        value = OperationHelpers.StripConversions(value) ?? value;
        var values = value.ConstantValue.HasValue
            ? ImmutableArray.Create(value)
            : value.Type is IArrayTypeSymbol && ConditionEvaluator.ElementsOf(value, _libraries) is { } elements ? elements.ToImmutableArray() : ImmutableArray<IOperation>.Empty;
        foreach (var element in values)
        {
            if (ConditionEvaluator.WrittenCode(element) is not (>= 100 and <= 599))
            {
                return ImmutableArray<IOperation>.Empty;
            }
        }

        return values;
    }

    /// <summary>The parameters the method accepts replies by, one bit per ordinal.</summary>
    private long Analyze(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences[0].GetSyntax() is not { } syntax
            || _libraries.ModelOf(syntax.SyntaxTree).GetOperation(syntax) is not { } body)
        {
            return 0;
        }

        var recognizer = new ReplyRecognizer(_libraries, method);
        long accepting = 0;
        foreach (var operation in body.Descendants())
        {
            // if (<the reply is not the one expected>) throw ...;
            if (operation is IConditionalOperation { WhenTrue: { } whenTrue } test && ReplyPath.AlwaysLeaves(whenTrue, _libraries) && Throws(whenTrue, _libraries)
                && Expected(test.Condition, recognizer, out var parameters) == Match.No)
            {
                accepting |= parameters;
            }

            // if (<the reply is the one expected>) return ...; (in a loop over the expected codes or not) throw ...;
            var thrown = operation switch
            {
                IThrowOperation { Parent: IBlockOperation } statement => (IOperation)statement,
                IExpressionStatementOperation { Operation: IThrowOperation, Parent: IBlockOperation } statement => statement,
                IExpressionStatementOperation { Parent: IBlockOperation } statement when ThrowHelpers.IsCallStatement(statement, _libraries) => statement,
                _ => null,
            };
            if (thrown?.Parent is IBlockOperation block)
            {
                foreach (var statement in block.Operations)
                {
                    if (statement == thrown)
                    {
                        break;
                    }

                    accepting |= AcceptedBefore(statement, recognizer, _libraries);
                }
            }
        }

        return accepting;
    }

    /// <summary>The parameters of a guard that returns when the reply is the expected one, in a loop over them or not.</summary>
    private long AcceptedBefore(IOperation statement, ReplyRecognizer recognizer, FtpLibraries libraries)
    {
        if (statement is ILoopOperation loop)
        {
            statement = OperationHelpers.OnlyStatementOf(loop.Body);
        }

        return statement is IConditionalOperation { WhenFalse: null, WhenTrue: { } whenTrue } guard && ReplyPath.AlwaysLeaves(whenTrue, libraries) && !Throws(whenTrue, libraries)
               && Expected(guard.Condition, recognizer, out var parameters) == Match.Yes
            ? parameters
            : 0;
    }

    private static bool Throws(IOperation statement, FtpLibraries libraries)
        => statement is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }
           || ThrowHelpers.IsCallStatement(statement, libraries)
           || (statement is IBlockOperation { Operations.Length: > 0 } block && Throws(block.Operations[block.Operations.Length - 1], libraries));

    private enum Match
    {
        Unknown,
        Yes,
        No,
    }

    /// <summary>
    /// Whether <paramref name="condition"/> is true when the reply is the one a parameter names (Yes) or when it is not
    /// (No); <paramref name="parameters"/> are the parameters that may name it, one bit per ordinal.
    /// </summary>
    private Match Expected(IOperation condition, ReplyRecognizer recognizer, out long parameters)
    {
        parameters = 0;
        switch (OperationHelpers.StripConversions(condition))
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Expected(not.Operand, recognizer, out parameters) switch
                {
                    Match.Yes => Match.No,
                    Match.No => Match.Yes,
                    _ => Match.Unknown,
                };
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                parameters = Compared(comparison.LeftOperand, comparison.RightOperand, recognizer);
                return parameters == 0 ? Match.Unknown : comparison.OperatorKind == BinaryOperatorKind.Equals ? Match.Yes : Match.No;
            case IInvocationOperation { TargetMethod.Name: "StartsWith" or "Equals", Instance: { } instance, Arguments.Length: >= 1 } call:
                parameters = Compared(instance, call.Arguments[0].Value, recognizer);
                return parameters == 0 ? Match.Unknown : Match.Yes;
            case IInvocationOperation { TargetMethod.Name: "Contains" } contains:
                parameters = ListContains(contains, recognizer);
                return parameters == 0 ? Match.Unknown : Match.Yes;
            case IInvocationOperation { TargetMethod.Name: "Any", Arguments.Length: 2 } any:
                parameters = ListAny(any, recognizer);
                return parameters == 0 ? Match.Unknown : Match.Yes;
            case IInvocationOperation { TargetMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } method } call
                when MembershipOf(method) is { List: >= 0 } membership:
                // ExistsCode(reply.Code, codes): the project's own test that the list holds the item.
                parameters = ArgumentOf(call, membership.List) is { } list && ParameterOf(list) is { } listed
                             && ArgumentOf(call, membership.Item) is { } item && recognizer.Recognize(item) is not null
                    ? Bit(listed)
                    : 0;
                return parameters == 0 ? Match.Unknown : Match.Yes;
            default:
                return Match.Unknown;
        }
    }

    private static IOperation? ArgumentOf(IInvocationOperation call, int ordinal)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The list and item parameters of a method of the project's own that answers whether a list holds an item:
    /// <c>foreach (var c in list) if (c == item) return true; return false;</c>, <c>=&gt; list.Contains(item)</c>,
    /// <c>Array.IndexOf(list, item) &gt;= 0</c>; (-1, -1) for any other method. Found once per method.
    /// </summary>
    private (int List, int Item) MembershipOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (method.Parameters.Length < 2 || method.DeclaringSyntaxReferences.Length != 1 || method.IsAbstract || (method.IsVirtual && !method.IsSealed))
        {
            return (-1, -1);
        }

        return _membership.TryGetValue(method, out var known) ? known : _membership.GetOrAdd(method, FindMembership(method));
    }

    private (int List, int Item) FindMembership(IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (_libraries.ModelOf(syntax.SyntaxTree).GetOperation(syntax) is not IMethodBodyOperation body
            || (body.BlockBody ?? body.ExpressionBody) is not { Operations: var statements })
        {
            return (-1, -1);
        }

        // return list.Contains(item); (an expression body is a block of that one return)
        if (statements.Length == 1 && statements[0] is IReturnOperation { ReturnedValue: { } returned })
        {
            return ContainsTest(returned);
        }

        // foreach (var c in list) if (c == item) return true; return false;
        if (statements.Length == 2
            && statements[1] is IReturnOperation { ReturnedValue.ConstantValue: { HasValue: true, Value: false } }
            && statements[0] is IForEachLoopOperation { Collection: var collection, Locals: { Length: 1 } locals } loop
            && OperationHelpers.StripConversions(collection) is IParameterReferenceOperation { Parameter: var list }
            && OperationHelpers.OnlyStatementOf(loop.Body) is IConditionalOperation
            {
                WhenFalse: null,
                Condition: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } test,
                WhenTrue: var whenTrue,
            }
            && OperationHelpers.OnlyStatementOf(whenTrue) is IReturnOperation { ReturnedValue.ConstantValue: { HasValue: true, Value: true } })
        {
            if (OtherSideOf(test, locals[0]) is IParameterReferenceOperation { Parameter: var itemParameter })
            {
                return (list.Ordinal, itemParameter.Ordinal);
            }
        }

        return (-1, -1);
    }

    /// <summary><c>list.Contains(item)</c>, <c>Array.IndexOf(list, item) &gt;= 0</c> (or <c>!= -1</c>) over two parameters.</summary>
    private static (int List, int Item) ContainsTest(IOperation returned)
    {
        returned = OperationHelpers.StripConversions(returned) ?? returned;
        IOperation? list = null;
        IOperation? item = null;
        switch (returned)
        {
            case IInvocationOperation { TargetMethod.Name: "Contains" } contains when contains.Instance is { } instance && contains.Arguments.Length == 1:
                (list, item) = (instance, contains.Arguments[0].Value);
                break;
            case IInvocationOperation { TargetMethod.Name: "Contains", Instance: null } contains when contains.Arguments.Length == 2:
                (list, item) = (contains.Arguments[0].Value, contains.Arguments[1].Value);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.NotEquals or BinaryOperatorKind.GreaterThan } found
                when found.LeftOperand is IInvocationOperation { TargetMethod.Name: "IndexOf", Instance: null, Arguments.Length: 2 } indexOf
                     && found.RightOperand.ConstantValue is { HasValue: true, Value: int bound }
                     && (found.OperatorKind == BinaryOperatorKind.GreaterThanOrEqual ? bound == 0 : bound == -1):
                (list, item) = (indexOf.Arguments[0].Value, indexOf.Arguments[1].Value);
                break;
        }

        return OperationHelpers.StripConversions(list) is IParameterReferenceOperation { Parameter: var listed }
               && OperationHelpers.StripConversions(item) is IParameterReferenceOperation { Parameter: var sought }
            ? (listed.Ordinal, sought.Ordinal)
            : (-1, -1);
    }

    /// <summary>The parameter sides of a comparison of a reply with a parameter (as it is, or its text).</summary>
    private static long Compared(IOperation left, IOperation right, ReplyRecognizer recognizer)
    {
        long parameters = 0;
        if (ParameterOf(right) is { } r && recognizer.Recognize(left) is not null)
        {
            parameters |= Bit(r);
        }

        if (ParameterOf(left) is { } l && recognizer.Recognize(right) is not null)
        {
            parameters |= Bit(l);
        }

        return parameters;
    }

    /// <summary><c>expected.Contains(code)</c>, <c>accepted.Contains(reply.Substring(0, 3))</c>: a parameter that lists the accepted codes.</summary>
    private static long ListContains(IInvocationOperation contains, ReplyRecognizer recognizer)
    {
        var (list, item) = contains.Instance is { } instance && contains.Arguments.Length == 1
            ? (instance, contains.Arguments[0].Value)
            : contains.Arguments.Length == 2 ? (contains.Arguments[0].Value, contains.Arguments[1].Value) : (null, null);
        return list is not null && item is not null && ParameterOf(list) is { } parameter && recognizer.Recognize(item) is not null
            ? Bit(parameter)
            : 0;
    }

    /// <summary><c>codes.Any(c =&gt; c == reply.Code)</c>: a parameter that lists the accepted codes, tested item by item.</summary>
    private static long ListAny(IInvocationOperation any, ReplyRecognizer recognizer)
    {
        if (ParameterOf(any.Arguments[0].Value) is not { } parameter
            || OperationHelpers.StripConversions(any.Arguments[1].Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters: { Length: 1 } lambdaParameters } lambda }
            || lambda.Body.Operations is not { Length: 1 } body
            || body[0] is not IReturnOperation { ReturnedValue: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } test })
        {
            return 0;
        }

        return OtherSideOf(test, lambdaParameters[0]) is { } item && recognizer.Recognize(item) is not null ? Bit(parameter) : 0;
    }

    /// <summary>The side of <c>element == item</c> (or <c>item == element</c>) that is not <paramref name="element"/>, or null.</summary>
    private static IOperation? OtherSideOf(IBinaryOperation test, ISymbol element)
    {
        var left = OperationHelpers.StripConversions(test.LeftOperand);
        var right = OperationHelpers.StripConversions(test.RightOperand);
        return SymbolEqualityComparer.Default.Equals(OperationHelpers.VariableOf(left), element) ? right
            : SymbolEqualityComparer.Default.Equals(OperationHelpers.VariableOf(right), element) ? left
            : null;
    }

    private static long Bit(IParameterSymbol parameter) => parameter.Ordinal < 64 ? 1L << parameter.Ordinal : 0;

    private static IParameterSymbol? ParameterOf(IOperation operation)
    {
        operation = OperationHelpers.StripConversions(operation) ?? operation;
        if (operation is IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance, Arguments.Length: 0 })
        {
            operation = OperationHelpers.StripConversions(instance) ?? instance;
        }

        // expected[i], and the variable of a foreach over the parameter: one of the codes it holds.
        if (operation is IArrayElementReferenceOperation { ArrayReference: { } array })
        {
            operation = OperationHelpers.StripConversions(array) ?? array;
        }
        else if (operation is ILocalReferenceOperation { Local: var local } && ForEachOver(operation, local) is { } collection)
        {
            operation = collection;
        }

        return operation is IParameterReferenceOperation { Parameter: var p } && KindOf(p.Type) is not null ? p : null;
    }

    private static IOperation? ForEachOver(IOperation reference, ILocalSymbol local)
    {
        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation forEach && forEach.Locals.Contains(local, SymbolEqualityComparer.Default))
            {
                return OperationHelpers.StripConversions(forEach.Collection);
            }
        }

        return null;
    }
}
