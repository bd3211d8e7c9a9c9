using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Operations;

/// <summary>General questions about operation trees, asked by recognition, flow and the rules alike.</summary>
internal static class OperationHelpers
{
    /// <summary>The one statement of a block that holds only it (<c>{ return true; }</c>), or the statement itself.</summary>
    public static IOperation OnlyStatementOf(IOperation statement)
        => statement is IBlockOperation { Operations: { Length: 1 } single } ? single[0] : statement;

    /// <summary>Conversions and parentheses removed.</summary>
    public static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is not null)
        {
            switch (operation.Kind)
            {
                case OperationKind.Conversion:
                    operation = ((IConversionOperation)operation).Operand;
                    continue;
                case OperationKind.Parenthesized:
                    operation = ((IParenthesizedOperation)operation).Operand;
                    continue;
                default:
                    return operation;
            }
        }

        return null;
    }

    /// <summary>The local, parameter, field or property at the root of a member chain.</summary>
    public static ISymbol? RootSymbolOf(IOperation? operation)
    {
        for (var i = 0; i < 8 && operation is not null; i++)
        {
            operation = StripConversions(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member:
                    return member.Member;
                case IMemberReferenceOperation member:
                    operation = member.Instance;
                    continue;
                case IInvocationOperation { Instance: { } instance }:
                    operation = instance;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                case IArrayElementReferenceOperation element:
                    operation = element.ArrayReference;
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The object a member or method is read from.</summary>
    public static IOperation? ReceiverOf(IOperation operation) => operation switch
    {
        IMemberReferenceOperation member => member.Instance,
        IInvocationOperation invocation => invocation.Instance,
        _ => null,
    };

    /// <summary>The top of the operation tree that holds <paramref name="operation"/> (a method's body block hangs under the method-body operation).</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>The body of the method, local function or lambda that holds <paramref name="operation"/>.</summary>
    public static IOperation FunctionBody(IOperation operation)
    {
        var last = operation;
        for (var o = operation.Parent; o is not null; o = o.Parent)
        {
            if (o.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return last;
            }

            last = o;
        }

        return last;
    }

    /// <summary>The lambda or local function around <paramref name="operation"/>, or null inside the member's own body.</summary>
    public static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return parent;
            }
        }

        return null;
    }

    /// <summary>The innermost loop around <paramref name="operation"/> in its own function, or null.</summary>
    public static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.Loop:
                    return (ILoopOperation)parent;
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The statements that run before <paramref name="operation"/> in the blocks around it and its switch section,
    /// innermost first, each block's statements in order; up to the first ancestor that is neither (an if, a loop,
    /// the switch of a section).
    /// </summary>
    public static IEnumerable<IOperation> StatementsBefore(IOperation operation)
    {
        // A call is a statement of its own: Fail(reply); and await BailAsync(reply);.
        var child = operation;
        while (child.Parent is IExpressionStatementOperation or IAwaitOperation)
        {
            child = child.Parent;
        }

        for (var parent = child.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (StatementsOf(parent) is not { } statements)
            {
                yield break;
            }

            foreach (var statement in statements)
            {
                if (statement == child)
                {
                    break;
                }

                yield return statement;
            }
        }
    }

    /// <summary>
    /// The statements that surely ran before <paramref name="operation"/> on its path, nearest first: in every block
    /// around it (through ifs, loops and catches, up to the function), those before the statement that holds it.
    /// </summary>
    public static IEnumerable<IOperation> StatementsOnPathBefore(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null && child.Kind is not (OperationKind.AnonymousFunction or OperationKind.LocalFunction); child = parent, parent = parent.Parent)
        {
            if (StatementsOf(parent) is not { } statements)
            {
                continue;
            }

            var index = statements.IndexOf(child);
            for (var i = index - 1; i >= 0; i--)
            {
                yield return statements[i];
            }
        }
    }

    /// <summary>True when <paramref name="operation"/> declares <paramref name="local"/> with a value or assigns it.</summary>
    public static bool Writes(IOperation operation, ILocalSymbol local)
        => AnyInTree(operation, local, static (descendant, local) => descendant is IVariableDeclaratorOperation { Initializer: not null } declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
           || Assigns(operation, local);

    // How deep the walks below recurse before they hand the rest of a subtree to Roslyn's iterator (see AnyInTree).
    private const int MaxRecursion = 128;

    /// <summary>
    /// True when <paramref name="root"/> or an operation in it satisfies <paramref name="match"/>, asked in the order of
    /// <c>DescendantsAndSelf()</c>. Unlike that iterator it allocates nothing, where the iterator allocates itself and, when
    /// a search leaves it early, loses its pooled stack: the tree is walked by recursion, and past
    /// <see cref="MaxRecursion"/> levels (a long chain of concatenations) by the iterator.
    /// </summary>
    public static bool AnyInTree<TState>(IOperation root, TState state, System.Func<IOperation, TState, bool> match)
        => match(root, state) || AnyBelow(root, state, match, 0);

    /// <summary>True when an operation in <paramref name="root"/> (not the root itself) satisfies <paramref name="match"/>; see <see cref="AnyInTree"/>.</summary>
    public static bool AnyDescendant<TState>(IOperation root, TState state, System.Func<IOperation, TState, bool> match)
        => AnyBelow(root, state, match, 0);

    /// <summary>Calls <paramref name="visit"/> on <paramref name="root"/> and every operation in it, in the order of <c>DescendantsAndSelf()</c>.</summary>
    public static void VisitTree<TState>(IOperation root, TState state, System.Action<IOperation, TState> visit)
    {
        visit(root, state);
        VisitDescendants(root, state, visit);
    }

    /// <summary>Calls <paramref name="visit"/> on every operation in <paramref name="root"/> (not the root), in the order of <c>Descendants()</c>.</summary>
    public static void VisitDescendants<TState>(IOperation root, TState state, System.Action<IOperation, TState> visit)
        => AnyBelow(root, (state, visit), static (operation, s) =>
        {
            s.visit(operation, s.state);
            return false;
        }, 0);

    private static bool AnyBelow<TState>(IOperation operation, TState state, System.Func<IOperation, TState, bool> match, int depth)
    {
        if (depth == MaxRecursion)
        {
            foreach (var descendant in operation.Descendants())
            {
                if (match(descendant, state))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (match(child, state) || AnyBelow(child, state, match, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statements of a block or of a switch section, in order; null for any other operation.</summary>
    public static ImmutableArray<IOperation>? StatementsOf(IOperation operation) => operation switch
    {
        IBlockOperation block => block.Operations,
        ISwitchCaseOperation section => section.Body,
        _ => null,
    };

    /// <summary>True when <paramref name="operation"/> or an operation in it assigns <paramref name="variable"/> (a local, parameter, field or property of this instance).</summary>
    public static bool Assigns(IOperation operation, ISymbol variable, bool simpleOnly = false)
        => AnyInTree(operation, (variable, simpleOnly), static (descendant, asked) =>
            descendant is IAssignmentOperation assignment && (!asked.simpleOnly || assignment is ISimpleAssignmentOperation)
            && SymbolEqualityComparer.Default.Equals(VariableOf(StripConversions(assignment.Target)), asked.variable));

    /// <summary>The variable an operation reads or writes: a local, a parameter, or a field or property of this instance; else null.</summary>
    public static ISymbol? VariableOf(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member => member.Member,
        _ => null,
    };

    /// <summary>The outermost operation whose syntax is <paramref name="syntax"/>, searched from <paramref name="near"/> in its tree.</summary>
    public static IOperation? Find(IOperation near, SyntaxNode? syntax)
    {
        if (syntax is null)
        {
            return null;
        }

        if (syntax.SyntaxTree == near.Syntax.SyntaxTree)
        {
            var target = syntax.FullSpan;
            var node = near;
            while (node.Parent is { } parent && !node.Syntax.FullSpan.Contains(target))
            {
                node = parent;
            }

            while (node.Syntax.FullSpan.Contains(target))
            {
                if (node.Syntax == syntax)
                {
                    return node;
                }

                IOperation? covering = null;
                foreach (var child in node.ChildOperations)
                {
                    if (child.Syntax.FullSpan.Contains(target))
                    {
                        covering = child;
                        break;
                    }
                }

                if (covering is null)
                {
                    break;
                }

                node = covering;
            }
        }

        return near.SemanticModel?.GetOperation(syntax);
    }

    /// <summary>
    /// True when a catch of <paramref name="caught"/> (null or object: a catch-all) receives <paramref name="thrown"/>,
    /// which is the type or derives from it. (A catch of a subtype of the thrown type receives only some of it.)
    /// </summary>
    public static bool CatchReceives(ITypeSymbol? caught, ITypeSymbol? thrown)
    {
        if (caught is null || caught.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        for (var type = thrown; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, caught))
            {
                return true;
            }
        }

        return false;
    }
}
