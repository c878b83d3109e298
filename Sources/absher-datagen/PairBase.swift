/// A person of the pairs mode with the catalogue names they were drawn from, so that a second record can be
/// spelled afresh (a resident's iqama without the Arabic name gets one at naturalisation).
struct PairBase {
    var person: PairPerson
    let group: NameCatalogue.Group
    let first: NameCatalogue.Name
    let father: NameCatalogue.Name
    let family: NameCatalogue.Name
}
