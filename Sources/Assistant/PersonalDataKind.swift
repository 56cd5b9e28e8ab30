/// A kind of personal data the redactor masks; its placeholder is `<raw value>`.
public enum PersonalDataKind: String, CaseIterable, Sendable, Codable {
    case email, phone, card
    case cardExpiry = "card_expiry"
    case iban, name
    case orderID = "order_id"
    case ip, postcode, secret, ssn
    case niNumber = "ni_number"
    case address, reference

    /// What replaces a value of this kind in redacted text, e.g. `<email>`.
    public var placeholder: String { "<\(rawValue)>" }
}

/// One piece of personal data found in a text: its kind and the value as written.
public struct PersonalDataMatch: Sendable, Equatable {
    /// What it is.
    public var kind: PersonalDataKind
    /// The value as it appears in the text.
    public var value: String
    /// Its UTF-16 offset and length in the text.
    public var location: Int, length: Int

    /// Creates a match.
    public init(kind: PersonalDataKind, value: String, location: Int, length: Int) {
        (self.kind, self.value, self.location, self.length) = (kind, value, location, length)
    }
}
