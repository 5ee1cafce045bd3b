using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

/// <summary>ISO 11649 structured creditor references, against published examples and as properties of every reference made.</summary>
public sealed class CreditorReferenceTests
{
    [Theory]
    [InlineData("RF18539007547034")]          // ISO 11649's own example
    [InlineData("RF18 5390 0754 7034")]       // the same, as printed
    [InlineData("rf18 5390 0754 7034")]       // typed in lower case
    [InlineData("RF712348231")]               // European Payments Council's example
    [InlineData("RF471234567890")]
    [InlineData("RF6518K5")]                  // letters in the base
    public void Published_references_are_valid(string reference) =>
        Assert.Equal(CreditorReferenceProblem.None, CreditorReference.Check(reference));

    [Theory]
    [InlineData("RF19539007547034")]          // check digits one off
    [InlineData("RF18539007547043")]          // last two digits swapped
    [InlineData("RF18539007547035")]          // last digit mistyped
    [InlineData("RF45G72UUR55")]              // looks right, fails mod 97
    [InlineData("RF35C4")]
    public void A_mistyped_reference_fails_its_check_digits(string reference) =>
        Assert.Equal(CreditorReferenceProblem.BadCheckDigits, CreditorReference.Check(reference));

    [Theory]
    [InlineData("")]
    [InlineData("RF18")]                      // no base
    [InlineData("XX18539007547034")]          // not RF
    [InlineData("RFAB539007547034")]          // check digits not digits
    [InlineData("RF18_5390")]                 // outside the SEPA letters and digits
    [InlineData("RF181234567890123456789012")] // base of 22
    [InlineData("RF18 5390 0754 70é4")]
    public void Anything_else_is_malformed(string text) =>
        Assert.Equal(CreditorReferenceProblem.Malformed, CreditorReference.Check(text));

    [Theory]
    [InlineData("539007547034", "RF18539007547034")]
    [InlineData("2348231", "RF712348231")]
    [InlineData("18k5", "RF6518K5")]
    public void Create_gives_the_published_check_digits(string body, string expected) =>
        Assert.Equal(expected, CreditorReference.Create(body));

    [Fact]
    public void Format_groups_by_four_and_compact_undoes_it()
    {
        Assert.Equal("RF18 5390 0754 7034", CreditorReference.Format("RF18539007547034"));
        Assert.Equal("RF46 2026 0001 23", CreditorReference.Format("rf462026000123"));
        Assert.Equal("RF18539007547034", CreditorReference.Compact(" rf18 5390\t0754 7034 "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567890123456789012")]    // 22
    [InlineData("ABC-1")]
    public void Create_refuses_a_base_that_cannot_be_one(string body) =>
        Assert.Throws<ArgumentException>(() => CreditorReference.Create(body));

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static IEnumerable<string> RandomBases(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return new string([.. Enumerable.Range(0, random.Next(1, CreditorReference.MaxBaseLength + 1)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
    }

    [Fact]
    public void Every_reference_made_validates_is_at_most_25_characters_and_gives_back_its_base()
    {
        foreach (var body in RandomBases(11649, 5000))
        {
            var reference = CreditorReference.Create(body);
            Assert.True(CreditorReference.IsValid(reference), reference);
            Assert.True(CreditorReference.IsValid(CreditorReference.Format(reference).ToLowerInvariant()), reference);
            Assert.InRange(reference.Length, 5, 25);
            Assert.Equal(body, CreditorReference.BaseOf(reference));
        }
    }

    [Fact]
    public void Every_single_substitution_and_adjacent_swap_of_like_characters_is_caught()
    {
        var random = new Random(97);
        foreach (var body in RandomBases(1066, 2000))
        {
            var reference = CreditorReference.Create(body).ToCharArray();
            // One character replaced by another of its kind (a digit by a digit, a letter by a letter).
            var at = random.Next(2, reference.Length);
            var original = reference[at];
            var kind = char.IsAsciiDigit(original) ? Alphabet[..10] : Alphabet[10..];
            var typo = (char[])reference.Clone();
            typo[at] = kind.Where(c => c != original).ElementAt(random.Next(kind.Length - 1));
            Assert.Equal(CreditorReferenceProblem.BadCheckDigits, CreditorReference.Check(new string(typo)));
            // Two neighbours of a kind swapped.
            for (var i = 2; i + 1 < reference.Length; i++)
            {
                if (reference[i] == reference[i + 1] || char.IsAsciiDigit(reference[i]) != char.IsAsciiDigit(reference[i + 1]))
                    continue;
                var swapped = (char[])reference.Clone();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                Assert.Equal(CreditorReferenceProblem.BadCheckDigits, CreditorReference.Check(new string(swapped)));
            }
        }
    }
}
