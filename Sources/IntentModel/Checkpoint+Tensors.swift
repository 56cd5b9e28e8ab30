/// How one tensor is stored in the TENS section.
///
/// ```
/// string name, u8 dtype, u32 rank, u32 dims[rank], then by dtype:
///   0 float32   values
///   1 int8      f32 scale per row, i8 values            (rank 2)
///   2 int8 rows u32 n, u32 row index × n (ascending), f32 scale × n, i8 values [n, columns];
///               the rows not listed are all zero       (rank 2, format 3)
/// ```
/// An int8 tensor is written with whichever of 1 and 2 is smaller, so pruned (zeroed) rows
/// cost nothing; the choice depends on the values only, so re-encoding is byte-identical.
enum TensorCoding {
    static let float32: UInt8 = 0, int8: UInt8 = 1, int8Rows: UInt8 = 2

    /// Writes `values` with `shape`; int8 when `quantized` and the tensor is a matrix.
    static func write(
        name: String, shape: [Int], values: ArraySlice<Float>, quantized: Bool, into w: inout ByteWriter
    ) {
        w.string(name)
        guard quantized, shape.count == 2 else {
            w.u8(float32)
            header(shape, into: &w)
            w.floats(values)
            return
        }
        let rows = shape[0]
        let columns = shape[1]
        let q = Quantization.quantizeRows(Array(values), rows: rows, columns: columns)
        let live = (0..<rows).filter { r in q.values[(r * columns)..<((r + 1) * columns)].contains { $0 != 0 } }
        let sparse = live.count * (8 + columns) + 4 < rows * (4 + columns)
        w.u8(sparse ? int8Rows : int8)
        header(shape, into: &w)
        let stored = sparse ? live : Array(0..<rows)
        if sparse {
            w.u32(UInt32(live.count))
            for r in live { w.u32(UInt32(r)) }
        }
        for r in stored { w.f32(q.scales[r]) }
        q.values.withUnsafeBytes { raw in
            for r in stored { w.data.append(contentsOf: raw[(r * columns)..<((r + 1) * columns)]) }
        }
    }

    private static func header(_ shape: [Int], into w: inout ByteWriter) {
        w.u32(UInt32(shape.count))
        for d in shape { w.u32(UInt32(d)) }
    }

    /// Reads the tensor `expected` into `parameters` at its offset, writing every element of it.
    static func read(
        _ expected: ParameterLayout.Tensor, from r: inout ByteReader, into parameters: UnsafeMutableBufferPointer<Float>
    ) throws(ModelError) {
        let name = try r.string()
        let dtype = try r.u8()
        let rank = try r.u32()
        guard rank <= 4 else { throw .malformedCheckpoint("tensor \(name) has rank \(rank)") }
        var shape: [Int] = []
        for _ in 0..<rank { shape.append(Int(try r.u32())) }
        guard name == expected.name, shape == expected.shape else {
            throw .malformedCheckpoint("tensor \(name) \(shape) where \(expected.name) \(expected.shape) was expected")
        }
        let target = parameters.baseAddress! + expected.offset
        switch dtype {
        case float32:
            try r.floats(expected.count, into: target)
        case int8 where rank == 2:
            try readRows(Array(0..<shape[0]), columns: shape[1], into: target, from: &r)
        case int8Rows where rank == 2:
            let n = Int(try r.u32())
            guard n <= shape[0] else { throw .malformedCheckpoint("tensor \(name) lists \(n) of \(shape[0]) rows") }
            var rows: [Int] = []
            for _ in 0..<n {
                let row = Int(try r.u32())
                guard row < shape[0], row > (rows.last ?? -1) else {
                    throw .malformedCheckpoint("tensor \(name) has a bad row index")
                }
                rows.append(row)
            }
            target.initialize(repeating: 0, count: expected.count)
            try readRows(rows, columns: shape[1], into: target, from: &r)
        default:
            throw .malformedCheckpoint("tensor \(name) has unknown type \(dtype)")
        }
    }

    /// Reads a scale per listed row, then the rows' int8 values, dequantized into `target`'s rows.
    private static func readRows(
        _ rows: [Int], columns: Int, into target: UnsafeMutablePointer<Float>, from r: inout ByteReader
    ) throws(ModelError) {
        var scales: [Float] = []
        scales.reserveCapacity(rows.count)
        for _ in rows { scales.append(try r.f32()) }
        let raw = try r.take(rows.count * columns)
        raw.withUnsafeBytes { bytes in
            for (k, row) in rows.enumerated() {
                let scale = scales[k]
                let source = k * columns
                let out = target + row * columns
                for j in 0..<columns { out[j] = Float(Int8(bitPattern: bytes[source + j])) * scale }
            }
        }
    }
}
