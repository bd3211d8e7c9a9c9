using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Writes a type's name the way the file would: short when a using brings it in, short with a new using
/// when nothing else of that name is in scope, qualified otherwise.
/// </summary>
internal sealed class TypeNamer
{
    private readonly SemanticModel _model;
    private readonly int _position;
    private readonly SortedSet<string> _missingNamespaces = new(System.StringComparer.Ordinal);

    public TypeNamer(SemanticModel model, int position)
    {
        _model = model;
        _position = position;
    }

    /// <summary>A namer for the same place that starts from the usings this one already needs.</summary>
    public TypeNamer Copy()
    {
        var copy = new TypeNamer(_model, _position);
        copy._missingNamespaces.UnionWith(_missingNamespaces);
        return copy;
    }

    /// <summary>The name to write for the type with metadata name <paramref name="fullName"/> ("System.Threading.Thread").</summary>
    public string Name(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        var shortName = dot < 0 ? fullName : fullName.Substring(dot + 1);
        var visible = _model.LookupNamespacesAndTypes(_position, name: shortName);
        foreach (var symbol in visible)
        {
            if (symbol is INamedTypeSymbol type && type.ToDisplayString() == fullName)
            {
                return shortName;
            }
        }

        if (visible.IsEmpty && dot > 0 && _model.SyntaxTree.GetRoot() is CompilationUnitSyntax)
        {
            _missingNamespaces.Add(fullName.Substring(0, dot));
            return shortName;
        }

        return "global::" + fullName;
    }

    /// <summary>The compilation unit with a using directive for every namespace a short name relied on.</summary>
    public SyntaxNode AddUsings(SyntaxNode root)
    {
        if (_missingNamespaces.Count == 0 || root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (eol.RawKind == 0)
        {
            eol = SyntaxFactory.CarriageReturnLineFeed;
        }

        var usings = unit.Usings;
        foreach (var ns in _missingNamespaces)
        {
            if (usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns))
            {
                continue;
            }

            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(eol);
            var index = 0;
            while (index < usings.Count && usings[index].Alias is null && usings[index].StaticKeyword.IsKind(SyntaxKind.None)
                   && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0 && !IsSystemFirstViolation(usings[index].Name?.ToString(), ns))
            {
                index++;
            }

            usings = usings.Insert(index, directive);
        }

        return unit.WithUsings(usings);
    }

    private static bool IsSystemFirstViolation(string? existing, string added)
        => existing is not null && !IsSystem(existing) && IsSystem(added);

    private static bool IsSystem(string ns) => ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal);
}
