using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// The method (or local function, or lambda) an operation belongs to, found through the operation tree and one
/// cached <c>GetDeclaredSymbol</c> per body, instead of <c>SemanticModel.GetEnclosingSymbol</c> for every question.
/// </summary>
internal static class EnclosingSymbol
{
    private sealed class Box
    {
        public Box(ISymbol? symbol) => Symbol = symbol;

        public ISymbol? Symbol { get; }
    }

    private static readonly ConditionalWeakTable<IOperation, Box> Roots = new();

    /// <summary>
    /// The innermost function around <paramref name="operation"/>: a local function, a lambda, or the member whose
    /// body it is (<paramref name="member"/> when the caller knows it: the method that owns the code block).
    /// </summary>
    public static ISymbol? Of(IOperation operation, ISymbol? member = null)
    {
        // By kind: most ancestors are neither, and a kind is cheaper to ask than an interface.
        var root = operation;
        for (var parent = operation.Parent; parent is not null; root = parent, parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.LocalFunction:
                    return ((ILocalFunctionOperation)parent).Symbol;
                case OperationKind.AnonymousFunction:
                    return ((IAnonymousFunctionOperation)parent).Symbol;
            }
        }

        return MemberOf(root, member);
    }

    /// <summary>The member (method, accessor, constructor) whose body holds <paramref name="operation"/>, ignoring lambdas and local functions.</summary>
    public static ISymbol? MemberOf(IOperation operation, ISymbol? member)
        => member as IMethodSymbol ?? MemberOf(operation);

    /// <inheritdoc cref="MemberOf(IOperation, ISymbol?)"/>
    public static ISymbol? MemberOf(IOperation operation)
    {
        return Roots.GetValue(OperationLookup.Root(operation), static r => new Box(Declared(r))).Symbol;
    }

    private static ISymbol? Declared(IOperation root)
    {
        var model = root.SemanticModel;
        if (model is null)
        {
            return null;
        }

        for (var node = root.Syntax; node is not null; node = node.Parent)
        {
            if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or BasePropertyDeclarationSyntax
                or VariableDeclaratorSyntax or TypeDeclarationSyntax or EnumMemberDeclarationSyntax)
            {
                var symbol = model.GetDeclaredSymbol(node);
                if (symbol is IPropertySymbol property && node is BasePropertyDeclarationSyntax && root.Syntax is ArrowExpressionClauseSyntax)
                {
                    return property.GetMethod ?? (ISymbol)property;
                }

                return symbol;
            }
        }

        return null;
    }
}
