namespace Shop.PayModes.Ogone;

/// <summary>An Ogone PSPID with its SHA-IN and SHA-OUT passphrases and hash algorithm.</summary>
public sealed record OgoneAccount(
    string PspId,
    string ShaInPassphrase,
    string ShaOutPassphrase,
    OgoneHashAlgorithm Algorithm = OgoneHashAlgorithm.Sha1,
    string Language = "fr_FR");
