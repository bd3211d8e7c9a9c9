using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>Writes a type's name the way the file would: short when a using brings it in, qualified otherwise.</summary>
internal sealed class TypeNamer
{
    private readonly SemanticModel _model;
    private readonly int _position;

    public TypeNamer(SemanticModel model, int position)
    {
        _model = model;
        _position = position;
    }

    /// <summary>The name to write for the type with metadata name <paramref name="fullName"/> ("System.Threading.Thread").</summary>
    public string Name(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        var shortName = dot < 0 ? fullName : fullName.Substring(dot + 1);
        foreach (var symbol in _model.LookupNamespacesAndTypes(_position, name: shortName))
        {
            if (symbol is INamedTypeSymbol type && type.ToDisplayString() == fullName)
            {
                return shortName;
            }
        }

        return "global::" + fullName;
    }
}
