using FtpReplyAnalyzers.Libraries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>
/// Methods that never return normally: the project's own throw helpers (<c>void Fail(FtpReply reply) =&gt; throw ...;</c>,
/// <c>void CloseAndThrow(string message) { Close(); throw new FtpException(message); }</c>) and methods marked
/// <c>[DoesNotReturn]</c>. A call of one is a throw where it is made.
/// </summary>
internal static class ThrowHelpers
{
    /// <summary>True when <paramref name="operation"/> is a call (awaited, when the method is async) of a method that always throws.</summary>
    public static bool IsCall(IOperation? operation, FtpLibraries libraries)
    {
        // A throw helper returns nothing (or a task, awaited): calls that return a value are asked no further.
        if (operation is IAwaitOperation { Operation: IInvocationOperation { TargetMethod.IsAsync: true } awaited })
        {
            return AlwaysThrows(awaited.TargetMethod, libraries);
        }

        return operation is IInvocationOperation { TargetMethod: { ReturnsVoid: true, IsAsync: false } method } && AlwaysThrows(method, libraries);
    }

    /// <summary>True for a statement that calls a method that always throws (see <see cref="IsCall"/>).</summary>
    public static bool IsCallStatement(IOperation? statement, FtpLibraries libraries)
        => statement is IExpressionStatementOperation { Operation: var call } && IsCall(call, libraries);

    private static bool AlwaysThrows(IMethodSymbol method, FtpLibraries libraries)
    {
        method = method.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.IsAbstract || method.IsExtern
            || (method.IsVirtual && !method.IsSealed) || (method.IsOverride && !method.IsSealed))
        {
            return false;
        }

        var known = libraries.MethodsThatAlwaysThrow;
        return known.TryGetValue(method, out var throws) ? throws : known.GetOrAdd(method, Find(method));
    }

    private static bool Find(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "DoesNotReturnAttribute", ContainingNamespace.Name: "CodeAnalysis" })
            {
                return true;
            }
        }

        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var (body, expression) = method.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            MethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody),
            LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
            _ => (null, null),
        };
        if (expression is not null)
        {
            return expression.Expression is ThrowExpressionSyntax;
        }

        // Every path ends in the last statement's throw: no return, no yield, anywhere in the body but nested functions.
        if (body is not { Statements: { Count: > 0 } statements } || statements[statements.Count - 1] is not ThrowStatementSyntax { Expression: not null })
        {
            return false;
        }

        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax or YieldStatementSyntax or GotoStatementSyntax)
            {
                return false;
            }
        }

        return true;
    }
}
