// Words that follow "I'm", "this is", "call me" or a house number without naming anyone or
// any street: function words, the states and feelings a customer reports, shop words,
// nationalities, days and months. A rare name that is also one of these ("Will", "May") is
// left in: the cost of not mangling ordinary sentences.
extension Redactor {
    static let ordinaryWords: Set<String> = Set(
        """
        a about above after again against all also always am an and any anyone are around as at away back bad be \
        because been before being below between both but by can cannot could did do does doing done down during each \
        either else even ever every few for from further had has have having he her here hers herself him himself his \
        how however i if in into is it its itself just least less like lot lots many may me might mine more most much \
        must my myself near neither never next no none nor not now of off often on once one only or other our ours out \
        over own perhaps please quite rather really same she should since so some someone something soon still such \
        than that the their theirs them then there these they this those though through thus till to today tomorrow \
        too toward under until up upon us very via was we well were what when where whether which while who whom whose \
        why will with within without would yes yet you your yours yesterday tonight later already almost nearly \
        ok okay fine good great glad happy sad sorry angry upset mad confused worried afraid scared sure unsure tired \
        fed frustrated annoyed disappointed pleased thrilled excited interested unhappy satisfied dissatisfied \
        furious desperate serious honest kidding joking lost stuck new old young unable able trying looking going \
        having getting waiting calling writing contacting asking wondering hoping planning thinking about still \
        ready done finished back home away here there late early busy free available abroad outside inside \
        currently also actually basically literally definitely probably certainly totally completely extremely \
        urgent important ridiculous unacceptable terrible awful amazing annoying strange weird crazy insane \
        wrong right correct incorrect broken missing damaged delayed late lost stolen \
        customer client member user buyer seller owner manager admin agent support staff student teacher \
        order orders refund refunds return returns delivery parcel package item items account password card payment \
        bill invoice receipt product shipping shipment tracking number email phone address help question issue \
        problem complaint request message chat bot human person someone anybody nobody everybody \
        english chinese british american canadian australian german french spanish italian dutch indian irish \
        scottish welsh polish russian japanese korean mexican brazilian european asian african \
        monday tuesday wednesday thursday friday saturday sunday weekend \
        january february march april june july august september october november december \
        mr mrs ms miss dr prof sir madam hi hello hey dear thanks thank regards cheers \
        first last full real actual proper second third \
        street road avenue lane drive way close court place hill row park flat apartment unit suite \
        hours hour days day weeks week months month years year minutes minute times time more less \
        x it's im i'm
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    )
}
