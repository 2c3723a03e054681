import Testing

/// Hand-written X12 interchanges, one per behaviour of `X12ShipmentStatusReader` that the tests
/// pin down. Segments are written out one per array element; `x12Bytes` adds the terminator.
enum X12Sample: String, CaseIterable, CustomTestStringConvertible {
    case newlineTerminated
    case tildeCRLF
    case wrongSegmentCount
    case wrongTransactionControlNumber
    case wrongGroupAndInterchangeCounts
    case twoInterchangesWithDifferentSeparators
    case nonShipmentStatusTransactions
    case eventsOutsideLoops
    case malformedTransactions
    case missingTrailers
    case byteOrderMarkAndOddPadding
    case missingInterchangeHeader
    case headerWithoutTerminator
    case truncatedTransaction
    case truncatedHeader

    var testDescription: String { rawValue }

    /// A 214 with padded B10 values, header and detail L11s and two LX loops (ISA on line 1).
    static let shipmentSegments = [
        x12InterchangeHeader(),
        "GS*QM*SENDER*RECEIVER*20200910*1930*7*X*004010",
        "ST*214*0001",
        "B10*PRO123   *SHIP9 *ABCD",
        "L11*PO555*PO",
        "L11**CI",
        "L11* BOL1 *BM",
        "LX*1",
        "AT7*X3*NS***20200910*1135*ET",
        "MS1*ORLANDO*FL*US",
        "L11*DETAIL*ZZ",
        "LX*2",
        "AT7*D1*NS***20200911*115930*LT",
        "MS1*TAMPA*FL*US",
        "SE*0013*0001",
        "GE*1*7",
        "IEA*1*000000001",
    ]

    /// The sample's bytes.
    var bytes: [UInt8] {
        switch self {
        case .newlineTerminated:
            return x12Bytes(Self.shipmentSegments, terminator: "\n")
        case .tildeCRLF:
            return x12Bytes(Self.shipmentSegments, terminator: "~\r\n")
        case .wrongSegmentCount:
            return x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*8*X*004010",
                "ST*214*0001",
                "B10*PRO1*SHIP1*ABCD",
                "LX*1",
                "AT7*X1*NS***20200910*0800",
                "SE*6*0001",
                "ST*214*0002",
                "B10*PRO2*SHIP2*ABCD",
                "LX*1",
                "AT7*D1*NS***20200910*1700",
                "SE*5*0002",
                "GE*2*8",
                "IEA*1*000000001",
            ])
        case .wrongTransactionControlNumber:
            return x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*8*X*004010",
                "ST*214*0001",
                "B10*PRO1*SHIP1*ABCD",
                "LX*1",
                "AT7*X1*NS***20200910*0800",
                "SE*5*0009",
                "GE*1*0008",
                "IEA*1*000000001",
            ])
        case .wrongGroupAndInterchangeCounts:
            return x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*8*X*004010",
                "ST*214*0001",
                "B10*PRO1*SHIP1*ABCD",
                "AT7*X1*NS***20200910*0800",
                "SE*4*0001",
                "GE*2*8",
                "IEA*2*000000002",
            ])
        case .twoInterchangesWithDifferentSeparators:
            return x12Bytes([
                x12InterchangeHeader(sender: "FIRST"),
                "GS*QM*FIRST*RECEIVER*20200910*1930*1*X*004010",
                "ST*214*0001",
                "B10*PRO1*SHIP1*ABCD",
                "LX*1",
                "AT7*X1*NS***20200910*0800*ET",
                "MS1*ORLANDO*FL*US",
                "SE*6*0001",
                "GE*1*1",
                "IEA*1*000000001",
            ]) + x12Bytes([
                x12InterchangeHeader(sender: "SECOND", controlNumber: "000000002", version: "00501",
                                     element: "|", repetition: "^", component: ":"),
                "GS|QM|SECOND|RECEIVER|20200910|1930|2|X|005010",
                "ST|214|0001",
                "B10|PRO2|SHIP2|WXYZ",
                "LX|1",
                "AT7|D1|NS|||20200911|1700|CT",
                "MS1|CHICAGO|IL|US",
                "SE|6|0001",
                "GE|1|2",
                "IEA|1|000000002",
            ], terminator: "…\n")
        case .nonShipmentStatusTransactions:
            return x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*9*X*004010",
                "ST*997*0001",
                "AK1*QM*8",
                "AK9*A*1*1*1",
                "SE*4*0001",
                "ST*214*0002",
                "B10*PRO1*SHIP1*ABCD",
                "AT7*X1*NS***20200910*0800",
                "SE*4*0002",
                "ST*210*0003",
                "B3**PRO1*SHIP1*PP**20200910*100",
                "SE*3*0003",
                "ST*214*0004",
                "B10*PRO2*SHIP2*ABCD",
                "SE*3*0004",
                "GE*4*9",
                "IEA*1*000000001",
            ])
        case .eventsOutsideLoops:
            return x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*3*X*004010",
                "ST*214*0001",
                "B10*PRO1**ABCD",
                "AT7*X3*NS***20200909*0700*ET",
                "MS1*ATLANTA*GA*US",
                "LX*1",
                "MS1*NOWHERE*XX*US",
                "AT7***AA*BB*20200910*0800*ET",
                "AT7*X1*NS***20200910*0900*ET",
                "MS1*MACON*GA*US",
                "MS1*SECOND*GA*US",
                "SE*11*0001",
                "GE*1*3",
                "IEA*1*000000001",
            ])
        case .malformedTransactions:
            return x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*4*X*004010",
                "ST*214*0001",
                "B10*PRO1*SHIP1*ABCD",
                "LX*1",
                "AT7*X1*NS***2020091*0800",
                "SE*5*0001",
                "ST*214*0002",
                "LX*1",
                "AT7*X1*NS***20200910*0800",
                "SE*4*0002",
                "ST*214*0003",
                "B10*PRO3*SHIP3*ABCD",
                "LX*1",
                "AT7*X1*NS***20200910*8AM",
                "SE*5*0003",
                "ST*214*0004",
                "B10*PRO4*SHIP4*ABCD",
                "LX*1",
                "AT7**NS***20200910*0800",
                "SE*5*0004",
                "ST*214*0005",
                "B10*PRO5*SHIP5*ABCD",
                "LX*1",
                "AT7*D1*NS***20200910*0800",
                "SE*5*0005",
                "GE*5*4",
                "IEA*1*000000001",
            ])
        case .missingTrailers:
            return x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*5*X*004010",
                "ST*214*0001",
                "B10*PRO1*SHIP1*ABCD",
                "AT7*X1*NS***20200910*0800",
                "GE*1*5",
                "GS*QM*SENDER*RECEIVER*20200910*1930*6*X*004010",
                "ST*214*0002",
                "B10*PRO2*SHIP2*ABCD",
                "AT7*D1*NS***20200910*0900",
                "SE*4*0002",
                "IEA*2*000000001",
            ])
        case .byteOrderMarkAndOddPadding:
            return Array("\u{FEFF}\n \r\n".utf8) + x12Bytes([
                "ISA*00**00**ZZ*SHORT*ZZ*RCV*200910*1930*U*00401*7*0*P*>",
                "GS*QM*SHORT*RCV*20200910*1930*1*X*004010",
                "ST*214*1",
                "B10*PRO1*SHIP1*ABCD",
                "AT7*X1*NS***20200910*0800",
                "SE*4*0001",
                "GE*1*1",
                "IEA*1*7",
            ])
        case .missingInterchangeHeader:
            return x12Bytes([
                "",
                "  GS*QM*SENDER*RECEIVER*20200910*1930*7*X*004010",
                "ST*214*0001",
            ], terminator: "\n")
        case .headerWithoutTerminator:
            return x12Bytes([
                x12InterchangeHeader() + "GS*QM*SENDER*RECEIVER*20200910*1930*7*X*004010",
                "ST*214*0001",
            ])
        case .truncatedTransaction:
            return Array(x12Bytes([
                x12InterchangeHeader(),
                "GS*QM*SENDER*RECEIVER*20200910*1930*7*X*004010",
                "ST*214*0001",
                "B10*PRO1*SHIP1*ABCD",
                "AT7*X1*NS***20200910*0800",
                "SE*4*0001",
                "ST*214*0002",
                "B10*PRO2*SHIP2*ABCD",
                "AT7*D1*NS***20200910*0900",
            ]).dropLast(5))
        case .truncatedHeader:
            return Array(x12InterchangeHeader().utf8.prefix(60))
        }
    }
}
