using System.Collections.Generic;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// The method (or local function, or lambda) an operation of one code block belongs to, found through the operation
/// tree; the member of each operation tree is asked of the semantic model once, and kept for the block.
/// </summary>
internal sealed class EnclosingSymbols
{
    private readonly ISymbol? _member;
    private Dictionary<IOperation, ISymbol?>? _members;

    /// <param name="member">The member that owns the code block, when known.</param>
    public EnclosingSymbols(ISymbol? member) => _member = member;

    /// <summary>The innermost function around <paramref name="operation"/>: a local function, a lambda, or the member whose body it is.</summary>
    public ISymbol? Of(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.LocalFunction:
                    return ((ILocalFunctionOperation)parent).Symbol;
                case OperationKind.AnonymousFunction:
                    return ((IAnonymousFunctionOperation)parent).Symbol;
            }
        }

        return MemberOf(operation);
    }

    /// <summary>The member (method, accessor, constructor) whose body holds <paramref name="operation"/>, ignoring lambdas and local functions.</summary>
    public ISymbol? MemberOf(IOperation operation)
    {
        if (_member is IMethodSymbol)
        {
            return _member;
        }

        var root = OperationHelpers.Root(operation);
        _members ??= new Dictionary<IOperation, ISymbol?>();
        if (!_members.TryGetValue(root, out var symbol))
        {
            symbol = Declared(root);
            _members[root] = symbol;
        }

        return symbol;
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
