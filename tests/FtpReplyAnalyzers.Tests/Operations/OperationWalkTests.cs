using System.Collections.Generic;
using System.Linq;
using FtpReplyAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Tests.Operations;

/// <summary>The walks of <see cref="OperationHelpers"/> visit what Roslyn's Descendants() iterator yields, in its order.</summary>
public class OperationWalkTests
{
    private static IOperation BodyOf(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Walk", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        return compilation.GetSemanticModel(tree).GetOperation(method)!;
    }

    private static List<IOperation> Visited(IOperation root, bool includeRoot)
    {
        var visited = new List<IOperation>();
        if (includeRoot)
        {
            OperationHelpers.VisitTree(root, visited, static (operation, list) => list.Add(operation));
        }
        else
        {
            OperationHelpers.VisitDescendants(root, visited, static (operation, list) => list.Add(operation));
        }

        return visited;
    }

    [Fact]
    public void Visits_the_operations_of_the_iterator_in_its_order()
    {
        var body = BodyOf("""
            class C
            {
                int M(int[] codes, int code)
                {
                    for (var i = 0; i < codes.Length; i++)
                    {
                        if (codes[i] == code) { return i; }
                    }

                    try { return code switch { 226 => 1, _ => 2 }; } catch (System.Exception e) when (e.Message.Length > 3) { throw; }
                }
            }
            """);

        Assert.Equal(body.DescendantsAndSelf().ToList(), Visited(body, includeRoot: true));
        Assert.Equal(body.Descendants().ToList(), Visited(body, includeRoot: false));
    }

    [Fact]
    public void Walks_a_tree_deeper_than_its_recursion_the_same_way()
    {
        // A concatenation of 600 terms: a binary operation 600 levels deep, past the walk's recursion.
        var terms = string.Join(" + ", Enumerable.Range(0, 600).Select(i => $"s{i % 3}"));
        var body = BodyOf($$"""
            class C
            {
                string M(string s0, string s1, string s2) { return {{terms}}; }
            }
            """);

        var expected = body.DescendantsAndSelf().ToList();
        Assert.True(expected.Count > 1200);
        Assert.Equal(expected, Visited(body, includeRoot: true));
    }

    [Fact]
    public void Search_stops_at_the_first_match_in_the_iterators_order_and_tells_the_root_apart()
    {
        var body = BodyOf("""
            class C
            {
                void M(int code)
                {
                    code = 1;
                    if (code == 421) { code = 2; }
                }
            }
            """);

        var asked = new List<IOperation>();
        Assert.True(OperationHelpers.AnyInTree(body, asked, static (operation, list) =>
        {
            list.Add(operation);
            return operation is IAssignmentOperation;
        }));
        var firstAssignment = body.DescendantsAndSelf().First(o => o is IAssignmentOperation);
        Assert.Same(firstAssignment, asked[^1]);
        Assert.Equal(body.DescendantsAndSelf().TakeWhile(o => o != firstAssignment).Count() + 1, asked.Count);

        Assert.True(OperationHelpers.AnyInTree(body, body, static (operation, root) => operation == root));
        Assert.False(OperationHelpers.AnyDescendant(body, body, static (operation, root) => operation == root));
    }
}
