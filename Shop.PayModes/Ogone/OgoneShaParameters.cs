using System.Collections.Frozen;

namespace Shop.PayModes.Ogone;

/// <summary>
/// The parameter names Ogone hashes (upper case). Names outside these sets are never signed, so
/// a value carried only by them (e.g. PARAMPLUS keys coming back) must never be trusted.
/// </summary>
public static class OgoneShaParameters
{
    /// <summary>
    /// SHA-IN: the list in docs/providers/ogone.md, plus the further well-known names of Ogone's e-Commerce SHA-IN
    /// appendix for layout, alias, 3-D Secure, customer/billing/shipping details and subscriptions.
    /// The shop's request builder only sends names from the spec's own list.
    /// </summary>
    public static readonly FrozenSet<string> ShaIn = FrozenSet.Create(StringComparer.Ordinal,
    [
        // docs/providers/ogone.md
        "ACCEPTURL", "AMOUNT", "BACKURL", "BRAND", "CANCELURL", "CATALOGURL", "CN", "COMPLUS", "CURRENCY",
        "DECLINEURL", "EMAIL", "EXCEPTIONURL", "HOMEURL", "LANGUAGE", "LOGO", "OPERATION", "ORDERID",
        "OWNERADDRESS", "OWNERCTY", "OWNERTELNO", "OWNERTOWN", "OWNERZIP", "PARAMPLUS", "PARAMVAR", "PM",
        "PSPID", "TITLE", "TP",
        // page layout
        "BGCOLOR", "BUTTONBGCOLOR", "BUTTONTXTCOLOR", "FONTTYPE", "HDFONTTYPE", "HDTBLBGCOLOR", "HDTBLTXTCOLOR",
        "TBLBGCOLOR", "TBLTXTCOLOR", "TXTCOLOR",
        // payment methods, alias, 3-D Secure
        "ALIAS", "ALIASOPERATION", "ALIASUSAGE", "EXCLPMLIST", "FLAG3D", "PMLIST", "PMLISTTYPE", "WIN3DS",
        // customer and references
        "CIVILITY", "COM", "CUID", "OWNERADDRESS2", "OWNERTELNO2", "REFID", "REF_CUSTOMERID", "REF_CUSTOMERREF",
        "REMOTE_ADDR", "USERID",
        "ECOM_BILLTO_POSTAL_CITY", "ECOM_BILLTO_POSTAL_COUNTRYCODE", "ECOM_BILLTO_POSTAL_NAME_FIRST",
        "ECOM_BILLTO_POSTAL_NAME_LAST", "ECOM_BILLTO_POSTAL_POSTALCODE", "ECOM_BILLTO_POSTAL_STREET_LINE1",
        "ECOM_BILLTO_POSTAL_STREET_LINE2", "ECOM_BILLTO_POSTAL_STREET_NUMBER", "ECOM_CONSUMERID",
        "ECOM_SHIPTO_ONLINE_EMAIL", "ECOM_SHIPTO_POSTAL_CITY", "ECOM_SHIPTO_POSTAL_COUNTRYCODE",
        "ECOM_SHIPTO_POSTAL_NAME_FIRST", "ECOM_SHIPTO_POSTAL_NAME_LAST", "ECOM_SHIPTO_POSTAL_POSTALCODE",
        "ECOM_SHIPTO_POSTAL_STREET_LINE1", "ECOM_SHIPTO_POSTAL_STREET_LINE2", "ECOM_SHIPTO_POSTAL_STREET_NUMBER",
        "ECOM_SHIPTO_TELECOM_PHONE_NUMBER",
        // subscriptions
        "SUBSCRIPTION_ID", "SUB_AMOUNT", "SUB_COM", "SUB_COMMENT", "SUB_CUR", "SUB_ENDDATE", "SUB_ORDERID",
        "SUB_PERIOD_MOMENT", "SUB_PERIOD_NUMBER", "SUB_PERIOD_UNIT", "SUB_STARTDATE", "SUB_STATUS",
    ]);

    /// <summary>SHA-OUT, exactly as listed in docs/providers/ogone.md.</summary>
    public static readonly FrozenSet<string> ShaOut = FrozenSet.Create(StringComparer.Ordinal,
    [
        "AAVADDRESS", "AAVCHECK", "AAVMAIL", "AAVNAME", "AAVPHONE", "AAVZIP", "ACCEPTANCE", "ALIAS", "AMOUNT",
        "BIC", "BIN", "BRAND", "CARDNO", "CCCTY", "CN", "COLLECTOR_BIC", "COLLECTOR_IBAN", "COMPLUS",
        "CREATION_STATUS", "CREDITDEBIT", "CURRENCY", "CVCCHECK", "DCC_COMMPERCENTAGE", "DCC_CONVAMOUNT",
        "DCC_CONVCCY", "DCC_EXCHRATE", "DCC_EXCHRATESOURCE", "DCC_EXCHRATETS", "DCC_INDICATOR",
        "DCC_MARGINPERCENTAGE", "DCC_VALIDHOURS", "DEVICEID", "DIGESTCARDNO", "ECI", "ED", "EMAIL", "ENCCARDNO",
        "FXAMOUNT", "FXCURRENCY", "IP", "IPCTY", "MANDATEID", "MOBILEMODE", "NBREMAILUSAGE", "NBRIPUSAGE",
        "NBRIPUSAGE_ALLTX", "NBRUSAGE", "NCERROR", "ORDERID", "PAYID", "PAYIDSUB", "PAYMENT_REFERENCE", "PM",
        "SCO_CATEGORY", "SCORING", "SEQUENCETYPE", "SIGNDATE", "STATUS", "SUBBRAND", "SUBSCRIPTION_ID", "TICKET",
        "TRXDATE", "VC",
    ]);

    public static FrozenSet<string> For(OgoneDirection direction) => direction == OgoneDirection.In ? ShaIn : ShaOut;
}
