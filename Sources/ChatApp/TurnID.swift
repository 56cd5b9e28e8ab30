/// Identifies a logged turn in the store (a row id).
public typealias TurnID = Int64
