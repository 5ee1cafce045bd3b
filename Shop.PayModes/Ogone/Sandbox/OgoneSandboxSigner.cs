using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.Ogone.Sandbox;

/// <summary>
/// The sandbox's own SHA-IN / SHA-OUT, written from docs/providers/ogone.md independently of
/// <see cref="OgoneSignature"/>. Its SHA-IN list is the spec's list only: the shop's request
/// builder sends nothing else, so a disagreement would show up as a sandbox refusal.
/// </summary>
public static class OgoneSandboxSigner
{
    private const string ShaInNames =
        "ACCEPTURL AMOUNT BACKURL CANCELURL CATALOGURL CN COMPLUS CURRENCY DECLINEURL EMAIL EXCEPTIONURL HOMEURL " +
        "LANGUAGE LOGO OPERATION ORDERID OWNERADDRESS OWNERCTY OWNERTELNO OWNERTOWN OWNERZIP PARAMPLUS PARAMVAR PM " +
        "BRAND PSPID TITLE TP";

    private const string ShaOutNames =
        "AAVADDRESS AAVCHECK AAVMAIL AAVNAME AAVPHONE AAVZIP ACCEPTANCE ALIAS AMOUNT BIC BIN BRAND CARDNO " +
        "CCCTY CN COLLECTOR_BIC COLLECTOR_IBAN COMPLUS CREATION_STATUS CREDITDEBIT CURRENCY CVCCHECK " +
        "DCC_COMMPERCENTAGE DCC_CONVAMOUNT DCC_CONVCCY DCC_EXCHRATE DCC_EXCHRATESOURCE DCC_EXCHRATETS " +
        "DCC_INDICATOR DCC_MARGINPERCENTAGE DCC_VALIDHOURS DEVICEID DIGESTCARDNO ECI ED EMAIL ENCCARDNO " +
        "FXAMOUNT FXCURRENCY IP IPCTY MANDATEID MOBILEMODE NBREMAILUSAGE NBRIPUSAGE NBRIPUSAGE_ALLTX NBRUSAGE " +
        "NCERROR ORDERID PAYID PAYIDSUB PAYMENT_REFERENCE PM SCO_CATEGORY SCORING SEQUENCETYPE SIGNDATE " +
        "STATUS SUBBRAND SUBSCRIPTION_ID TICKET TRXDATE VC";

    /// <param name="shaOut">true to sign feedback (SHA-OUT), false to check a shop request (SHA-IN).</param>
    /// <param name="algorithm"><c>SHA-1</c>, <c>SHA-256</c> or <c>SHA-512</c>.</param>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string passphrase, bool shaOut, string algorithm)
    {
        var bytes = Encoding.UTF8.GetBytes(SignedText(parameters, passphrase, shaOut));
        byte[] digest = algorithm switch
        {
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new ArgumentException($"Unknown algorithm {algorithm}.", nameof(algorithm)),
        };
        return BitConverter.ToString(digest).Replace("-", "", StringComparison.Ordinal);
    }

    public static string SignedText(IEnumerable<KeyValuePair<string, string>> parameters, string passphrase, bool shaOut)
    {
        var listed = (shaOut ? ShaOutNames : ShaInNames).Split(' ');
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            var upper = name.ToUpperInvariant();
            if (value != "" && Array.IndexOf(listed, upper) >= 0)
                sorted.Add(upper, value);
        }
        var text = new StringBuilder();
        foreach (var (name, value) in sorted)
            text.Append(name).Append('=').Append(value).Append(passphrase);
        return text.ToString();
    }
}
