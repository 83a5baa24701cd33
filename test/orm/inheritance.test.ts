import fc from 'fast-check'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { Model, useRepo } from '../../src/runtime/orm'
import { expectWarning } from './expectWarning'

class Person extends Model {
  static override entity = 'person'

  static override types() {
    return { PERSON: Person, ADULT: Adult }
  }

  static override fields() {
    return {
      id: this.attr(null),
      name: this.attr(''),
      type: this.attr('PERSON'),
      companyId: this.attr(null),
      company: this.belongsTo(() => Company, 'companyId'),
    }
  }
}

class Adult extends Person {
  static override entity = 'adult'
  static override baseEntity = 'person'

  static override fields() {
    return { ...super.fields(), job: this.attr(''), car: this.hasOne(Car, 'ownerId') }
  }
}

class Car extends Model {
  static override entity = 'cars'

  static override fields() {
    return { id: this.attr(null), ownerId: this.attr(null), owner: this.belongsTo(Adult, 'ownerId') }
  }
}

class Company extends Model {
  static override entity = 'companies'

  static override fields() {
    return { id: this.attr(null), people: this.hasMany(Person, 'companyId') }
  }
}

describe('single-table inheritance', () => {
  it('keeps the records of a subclass in the base store', () => {
    const pinia = createPinia()
    useRepo(Adult, pinia).save({ id: 2, name: 'Jane', job: 'Engineer' })
    expect(pinia.state.value.person!.data['2']).toMatchObject({ id: 2, name: 'Jane', type: 'ADULT', job: 'Engineer' })
    expect(pinia.state.value.adult).toBeUndefined()
  })

  it('sets the type when saving through a subclass', () => {
    const pinia = createPinia()
    const adult = useRepo(Adult, pinia).save({ id: 2, name: 'Jane' })
    expect(adult).toBeInstanceOf(Adult)
    expect(adult.type).toBe('ADULT')
  })

  it('returns each record of a base query as an instance of its type', () => {
    const pinia = createPinia()
    useRepo(Person, pinia).save([{ id: 1, name: 'John', type: 'PERSON' }, { id: 2, name: 'Jane', type: 'ADULT', job: 'Engineer' }])
    const people = useRepo(Person, pinia).all()
    expect(people.map(person => person.constructor)).toEqual([Person, Adult])
    expect((people[1] as unknown as Adult & { job: string }).job).toBe('Engineer')
  })

  it('returns only its own records from a query of the subclass', () => {
    const pinia = createPinia()
    useRepo(Person, pinia).save([{ id: 1, name: 'John' }, { id: 2, name: 'Jane', type: 'ADULT' }])
    expect(useRepo(Adult, pinia).all().map(adult => adult.id)).toEqual([2])
    expect(useRepo(Adult, pinia).find(1)).toBeNull()
    expect(useRepo(Adult, pinia).find(2)).toBeInstanceOf(Adult)
  })

  it('counts only its own records in count() and exists() of the subclass\'s repository', () => {
    const pinia = createPinia()
    useRepo(Person, pinia).save({ id: 1, name: 'John' })
    expect(useRepo(Adult, pinia).count()).toBe(0)
    expect(useRepo(Adult, pinia).exists()).toBe(false)
    useRepo(Person, pinia).save({ id: 2, name: 'Jane', type: 'ADULT' })
    expect(useRepo(Adult, pinia).count()).toBe(1)
    expect(useRepo(Adult, pinia).exists()).toBe(true)
    expect(useRepo(Person, pinia).count()).toBe(2)
  })

  it('deletes only its own records with destroy() of the subclass\'s repository, as pinia-orm does', () => {
    const pinia = createPinia()
    useRepo(Person, pinia).save([{ id: 1, name: 'John' }, { id: 2, name: 'Jane', type: 'ADULT' }])
    expect(useRepo(Adult, pinia).destroy(1)).toBeNull()
    expect(useRepo(Adult, pinia).destroy([1, 2]).map(adult => adult.id)).toEqual([2])
    expect(useRepo(Person, pinia).all().map(person => person.id)).toEqual([1])
  })

  it('loads relations declared on the base and on the subclass', () => {
    const pinia = createPinia()
    useRepo(Company, pinia).save({ id: 1, people: [{ id: 1, name: 'John' }, { id: 2, name: 'Jane', type: 'ADULT' }] })
    useRepo(Car, pinia).save({ id: 7, ownerId: 2 })
    const company = useRepo(Company, pinia).with('people').find(1)!
    expect(company.people!.map(person => person.constructor)).toEqual([Person, Adult])
    const adult = useRepo(Adult, pinia).with('company').with('car').find(2)!
    expect(adult.company!.id).toBe(1)
    expect(adult.car!.id).toBe(7)
    expect(useRepo(Car, pinia).with('owner').find(7)!.owner).toBeInstanceOf(Adult)
  })

  it('throws when baseEntity names another store than the base that lists the subclass', () => {
    class Animal extends Model {
      static override entity = 'animals'
      static override types() {
        return { DOG: Dog }
      }

      static override fields() {
        return { id: this.attr(null), type: this.attr('') }
      }
    }
    class Dog extends Animal {
      static override entity = 'dogs'
      static override baseEntity = 'pets'
    }
    expect(() => useRepo(Dog, createPinia())).toThrow(/Dog\.baseEntity is 'pets', but Animal, whose types\(\) lists Dog, keeps its records in 'animals'/)
  })

  it('throws when a subclass declares another typeKey than the base it shares a store with, which alone decides a record\'s type', () => {
    class Vehicle extends Model {
      static override entity = 'vehicles'
      static override typeKey = 'kind'
      static override types() {
        return { CAR: Car, BUS: Bus }
      }

      static override fields() {
        return { id: this.attr(null), kind: this.attr('') }
      }
    }
    class Car extends Vehicle {
      static override entity = 'cars'
      static override typeKey = 'kind'
    }
    class Bus extends Vehicle {
      static override entity = 'buses'
      static override typeKey = 'type'
    }
    const pinia = createPinia()
    useRepo(Car, pinia).save({ id: 1 })
    expect(pinia.state.value.vehicles!.data['1']).toEqual({ id: 1, kind: 'CAR' })
    expect(() => useRepo(Bus, pinia)).toThrow('[nuxt-pinia-orm] Bus.typeKey is \'type\', but Vehicle, whose types() lists Bus, reads the type of its records from \'kind\'. Declare typeKey on Vehicle only.')
  })
})

describe('a record\'s type under single-table inheritance', () => {
  // pinia-orm's single-table inheritance page: the type field decides each record's class. What
  // follows is pinia-orm 1.10.2's behaviour when a save or an update changes it (run side by side).
  class Member extends Model {
    static override entity = 'members'
    static override types() {
      return { MEMBER: Member, STAFF: Staff, GUEST: Guest }
    }

    static override fields() {
      return { id: this.attr(null), name: this.attr(''), type: this.attr('MEMBER') }
    }
  }
  class Staff extends Member {
    static override entity = 'staff'
    static override baseEntity = 'members'
    static override fields() {
      return { ...super.fields(), desk: this.attr('none') }
    }
  }
  class Guest extends Member {
    static override entity = 'guests'
    static override baseEntity = 'members'
    static override fields() {
      return { ...super.fields(), host: this.attr('nobody') }
    }
  }
  const stored = (pinia: ReturnType<typeof createPinia>, id: number) => pinia.state.value.members!.data[String(id)]

  it('rebuilds a record saved with another type as one of that type: shared fields kept, the old type\'s dropped, the new type\'s at their defaults', () => {
    const pinia = createPinia()
    const members = useRepo(Member, pinia)
    members.save({ id: 1, name: 'Ann', type: 'STAFF', desk: 'D4' })
    const guest = members.save({ id: 1, type: 'GUEST' })
    expect(guest).toBeInstanceOf(Guest)
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Ann', type: 'GUEST', host: 'nobody' })
    members.save({ id: 1, type: 'STAFF', desk: 'D9' })
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Ann', type: 'STAFF', desk: 'D9' })
    members.save({ id: 1, type: 'MEMBER' })
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Ann', type: 'MEMBER' })
  })

  it('keeps the stored type of a record saved with no type, through the base or another subclass', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save({ id: 1, name: 'Ann', type: 'STAFF', desk: 'D4' })
    const saved = useRepo(Member, pinia).save({ id: 1, name: 'Anna' })
    expect(saved).toBeInstanceOf(Staff)
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Anna', type: 'STAFF', desk: 'D4' })
    const again = useRepo(Guest, pinia).save({ id: 1, name: 'Annie' })
    expect(again).toBeInstanceOf(Staff)
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Annie', type: 'STAFF', desk: 'D4' })
    // A new record saved through a subclass gets the subclass's type.
    expect(useRepo(Guest, pinia).save({ id: 2, name: 'Bob' })).toBeInstanceOf(Guest)
    expect(stored(pinia, 2)).toEqual({ id: 2, name: 'Bob', type: 'GUEST', host: 'nobody' })
  })

  it('saves a record through a subclass\'s repository as the class its given type names', () => {
    const pinia = createPinia()
    const created = useRepo(Guest, pinia).save({ id: 1, name: 'Cy', type: 'STAFF', desk: 'D1' })
    expect(created).toBeInstanceOf(Staff)
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Cy', type: 'STAFF', desk: 'D1' })
    useRepo(Guest, pinia).save({ id: 2, name: 'Di', host: 'Cy' })
    expect(useRepo(Guest, pinia).save({ id: 2, type: 'STAFF' })).toBeInstanceOf(Staff)
    expect(stored(pinia, 2)).toEqual({ id: 2, name: 'Di', type: 'STAFF', desk: 'none' })
  })

  it('rebuilds the records a query\'s update() gives another type', () => {
    const pinia = createPinia()
    useRepo(Member, pinia).save([{ id: 1, name: 'Ed', type: 'GUEST', host: 'Ann' }, { id: 2, name: 'Flo', type: 'GUEST', host: 'Bo' }])
    const updated = useRepo(Member, pinia).where('id', 1).update({ type: 'STAFF' })
    expect(updated.map(member => member.constructor)).toEqual([Staff])
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Ed', type: 'STAFF', desk: 'none' })
    expect(stored(pinia, 2)).toEqual({ id: 2, name: 'Flo', type: 'GUEST', host: 'Bo' })
    useRepo(Guest, pinia).where('id', 2).update({ type: 'MEMBER' })
    expect(stored(pinia, 2)).toEqual({ id: 2, name: 'Flo', type: 'MEMBER' })
  })

  it('takes the type a record has earlier in the same save for a copy that gives none', () => {
    const pinia = createPinia()
    const members = useRepo(Member, pinia)
    members.save({ id: 1, name: 'Ann', type: 'STAFF', desk: 'D4' })
    members.save([{ id: 1, type: 'GUEST', host: 'Bo' }, { id: 1, name: 'Anna' }])
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Anna', type: 'GUEST', host: 'Bo' })
    members.save([{ id: 2, type: 'GUEST', host: 'Cy' }, { id: 2, name: 'Di' }])
    expect(stored(pinia, 2)).toEqual({ id: 2, name: 'Di', type: 'GUEST', host: 'Cy' })
  })

  it('keeps one record for a key given twice in a save, the later copy giving another type', () => {
    const pinia = createPinia()
    const members = useRepo(Member, pinia)
    members.save({ id: 4, name: 'a4', type: 'STAFF', desk: 'D4' })
    const saved = members.save([{ id: 4, name: 'z4' }, { id: 4, type: 'GUEST' }])
    expect(stored(pinia, 4)).toEqual({ id: 4, name: 'z4', type: 'GUEST', host: 'nobody' })
    expect(saved.map(member => member.constructor)).toEqual([Guest, Guest])
    members.save([{ id: 1, name: 'n1', type: 'STAFF', desk: 'D1' }, { id: 1, type: 'GUEST', host: 'Bo' }])
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'n1', type: 'GUEST', host: 'Bo' })
  })

  it('saves a record whose type names no class as the base, and warns in dev naming the value', () => {
    const pinia = createPinia()
    const saved = useRepo(Staff, pinia).save({ id: 9, name: 'q', type: 'ALIEN' })
    expectWarning('Staff: a record\'s type is "ALIEN", which Member.types() does not list, so it is saved and read as a Member (the fields only a subclass declares are not stored). List it in Member.types(), or correct the value.')
    expect(saved.constructor).toBe(Member)
    expect(stored(pinia, 9)).toEqual({ id: 9, name: 'q', type: 'ALIEN' })
    expect(useRepo(Staff, pinia).find(9)).toBeNull()
    expect(useRepo(Member, pinia).find(9)!.constructor).toBe(Member)
    // The same through a query's update(), once per Pinia and value.
    useRepo(Staff, pinia).save({ id: 8, name: 'r', desk: 'D8' })
    useRepo(Member, pinia).where('id', 8).update({ type: 'ROBOT' })
    expectWarning('Member: a record\'s type is "ROBOT", which Member.types() does not list, so it is saved and read as a Member')
    expect(stored(pinia, 8)).toEqual({ id: 8, name: 'r', type: 'ROBOT' })
  })

  it('updates a record through a subclass\'s query into a sibling type with that type\'s fields', () => {
    const pinia = createPinia()
    useRepo(Guest, pinia).save({ id: 1, name: 'Ed', host: 'Ann' })
    useRepo(Guest, pinia).where('id', 1).update({ type: 'STAFF', desk: 'D2' })
    expect(stored(pinia, 1)).toEqual({ id: 1, name: 'Ed', type: 'STAFF', desk: 'D2' })
  })

  it('saves a record that holds itself, given no type, as the type it has in the store', () => {
    class Node extends Model {
      static override entity = 'nodes'
      static override types() {
        return { NODE: Node, LEAF: Leaf }
      }

      static override fields() {
        return { id: this.attr(null), name: this.attr(''), type: this.attr('NODE'), parentId: this.attr(null), children: this.hasMany(Node, 'parentId') }
      }
    }
    class Leaf extends Node {
      static override entity = 'leaves'
      static override baseEntity = 'nodes'
    }
    const pinia = createPinia()
    useRepo(Node, pinia).save({ id: 1, type: 'LEAF' })
    const node: Record<string, unknown> = { id: 1, name: 'self' }
    node.children = [node]
    expect(useRepo(Node, pinia).save(node)).toBeInstanceOf(Leaf)
    expect(pinia.state.value.nodes!.data[1]).toEqual({ id: 1, name: 'self', type: 'LEAF', parentId: 1 })
  })

  it('keeps every stored record shaped as its type after any sequence of saves and updates, through any class', () => {
    const classes = [Member, Staff, Guest] as const
    const fieldsOf = { MEMBER: ['id', 'name', 'type'], STAFF: ['id', 'name', 'type', 'desk'], GUEST: ['id', 'name', 'type', 'host'] } as const
    const classOf = { MEMBER: Member, STAFF: Staff, GUEST: Guest } as const
    const type = fc.constantFrom('MEMBER', 'STAFF', 'GUEST', undefined)
    const record = fc.record({ id: fc.integer({ min: 1, max: 4 }), type, name: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }), desk: fc.option(fc.constant('D'), { nil: undefined }), host: fc.option(fc.constant('H'), { nil: undefined }) }, { requiredKeys: ['id'] })
    const step = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), through: fc.integer({ min: 0, max: 2 }), record }),
      fc.record({ kind: fc.constant('update' as const), through: fc.integer({ min: 0, max: 2 }), id: fc.integer({ min: 1, max: 4 }), type: fc.constantFrom('MEMBER', 'STAFF', 'GUEST') }),
      // One key twice in one save: the later copy may give another type.
      fc.record({ kind: fc.constant('twice' as const), through: fc.integer({ min: 0, max: 2 }), record, type }),
    )
    fc.assert(fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
      const pinia = createPinia()
      type Type = keyof typeof fieldsOf
      const types = new Map<number, Type>()
      for (const item of steps) {
        const repo = useRepo(classes[item.through]!, pinia)
        if (item.kind === 'twice') {
          const id = item.record.id
          const first = item.record.type ?? types.get(id) ?? (['MEMBER', 'STAFF', 'GUEST'] as const)[item.through]!
          const last = item.type ?? first
          const given = Object.fromEntries(Object.entries(item.record).filter(([field, value]) => value !== undefined && (fieldsOf[first] as readonly string[]).includes(field)))
          const saved = repo.save([given, item.type === undefined ? { id } : { id, type: item.type }])
          types.set(id, last)
          expect(saved.map(member => member.constructor)).toEqual([classOf[last], classOf[last]])
        }
        else if (item.kind === 'save') {
          // Only the fields of the type the record ends up with: a dev warning names any other.
          const own = item.record.type ?? types.get(item.record.id) ?? (['MEMBER', 'STAFF', 'GUEST'] as const)[item.through]!
          const given = Object.fromEntries(Object.entries(item.record).filter(([field, value]) => value !== undefined && (fieldsOf[own] as readonly string[]).includes(field)))
          const saved = repo.save(given)
          types.set(item.record.id, own)
          expect(saved).toBeInstanceOf(classOf[own])
        }
        else if (types.has(item.id) && (item.through === 0 || types.get(item.id) === ['MEMBER', 'STAFF', 'GUEST'][item.through])) {
          repo.where('id', item.id).update({ type: item.type })
          types.set(item.id, item.type)
        }
      }
      const data = pinia.state.value.members?.data ?? {}
      expect(Object.keys(data).map(Number).sort()).toEqual([...types.keys()].sort())
      for (const [id, own] of types) {
        expect(data[id]!.type).toBe(own)
        expect(Object.keys(data[id]!).sort()).toEqual([...fieldsOf[own as keyof typeof fieldsOf]].sort())
        expect(useRepo(Member, pinia).find(id)).toBeInstanceOf(classOf[own as keyof typeof classOf])
      }
    }), { numRuns: 200 })
  })

  it('gives a record saved through a subclass with no type the value that names that class, not a subclass\'s listed before it', () => {
    class Account extends Model {
      static override entity = 'accounts'
      static override types() {
        return { PREMIUM: Premium, PAID: Paid, FREE: Account }
      }

      static override fields() {
        return { id: this.attr(null), type: this.attr('FREE') }
      }
    }
    class Paid extends Account {
      static override entity = 'paid'
      static override baseEntity = 'accounts'
    }
    class Premium extends Paid {
      static override entity = 'premium'
      static override baseEntity = 'accounts'
    }
    const pinia = createPinia()
    expect(useRepo(Paid, pinia).save({ id: 1 })).toBeInstanceOf(Paid)
    expect(pinia.state.value.accounts!.data['1']!.type).toBe('PAID')
    expect(useRepo(Paid, pinia).all().map(account => account.id)).toEqual([1])
  })
})

// pinia-orm's guide: the repository of a subclass fetches only its own type. No condition widens
// that: pinia-orm 1.10.2 keeps other types out of orHas() and the other relation conditions, but its
// orWhere() is ORed with the type filter (useRepo(Adult).orWhere('id', 1) gives the person 1 and
// every adult); here every condition is kept inside it.
describe('a subclass query with or-conditions', () => {
  function people() {
    const pinia = createPinia()
    useRepo(Company, pinia).save({ id: 1 })
    useRepo(Person, pinia).save([
      { id: 1, name: 'Pat', type: 'PERSON', companyId: 1 },
      { id: 2, name: 'Jane', type: 'ADULT' },
      { id: 3, name: 'John', type: 'ADULT', companyId: 1 },
    ])
    return pinia
  }
  const ids = (items: readonly Person[]) => items.map(item => item.$getKey())

  it('keeps only its own type through orHas(), orDoesntHave(), orWhereHas() and orWhereDoesntHave()', () => {
    const pinia = people()
    expect(ids(useRepo(Adult, pinia).orHas('company').get())).toEqual([3])
    expect(ids(useRepo(Adult, pinia).orDoesntHave('company').get())).toEqual([2])
    expect(ids(useRepo(Adult, pinia).orWhereHas('company', query => query.where('id', 1)).get())).toEqual([3])
    expect(ids(useRepo(Adult, pinia).orWhereDoesntHave('company').get())).toEqual([2])
    expect(ids(useRepo(Adult, pinia).where('name', 'Jane').orHas('company').get())).toEqual([2, 3])
  })

  it('keeps only its own type through orWhere(), in get(), find(), update() and delete()', () => {
    const pinia = people()
    expect(ids(useRepo(Adult, pinia).orWhere('name', 'Pat').get())).toEqual([])
    expect(ids(useRepo(Adult, pinia).where('name', 'Jane').orWhere('id', 1).get())).toEqual([2])
    expect(useRepo(Adult, pinia).orWhere('name', 'Pat').find(1)).toBeNull()
    expect(useRepo(Adult, pinia).orWhere('id', 1).update({ name: 'changed' })).toEqual([])
    expect(useRepo(Adult, pinia).orWhere('id', 1).delete()).toEqual([])
    expect(pinia.state.value.person!.data['1']).toMatchObject({ name: 'Pat', type: 'PERSON' })
    expect(ids(useRepo(Person, pinia).orWhere('name', 'Pat').get())).toEqual([1])
  })
})

// A record nested in its own occurrence (a loaded back-reference saved as it is) never overrides the
// values the outer occurrence gives (docs/relations.md): its type included, so the record stays one
// of the outer occurrence's class, with that class's fields, as in pinia-orm.
describe('a record given again inside itself with another type', () => {
  it('keeps the type and the fields of the outer occurrence', () => {
    const pinia = createPinia()
    useRepo(Person, pinia).save({ id: 1, name: 'Jane', type: 'ADULT', job: 'Pilot', companyId: 5, company: { id: 5, people: [{ id: 1, type: 'PERSON' }] } })

    expect(pinia.state.value.person!.data['1']).toEqual({ id: 1, name: 'Jane', type: 'ADULT', companyId: 5, job: 'Pilot' })
    expect(useRepo(Person, pinia).find(1)).toBeInstanceOf(Adult)
  })

  it('keeps a base record a base record when a copy inside it names a subclass', () => {
    const pinia = createPinia()
    useRepo(Person, pinia).save({ id: 1, name: 'Pat', type: 'PERSON', companyId: 5, company: { id: 5, people: [{ id: 1, type: 'ADULT', job: 'Pilot' }] } })
    // The inner copy's job belongs to no field of the record's class: said in dev, as for any such key.
    expectWarning('Person.job: \'job\' is not a field of Person, so it is not stored')

    expect(pinia.state.value.person!.data['1']).toEqual({ id: 1, name: 'Pat', type: 'PERSON', companyId: 5 })
    expect(useRepo(Person, pinia).find(1)).not.toBeInstanceOf(Adult)
  })
})

describe('saves of several types at once', () => {
  it('return every record saved through the base, in the order given, each as its class', () => {
    const pinia = createPinia()
    const saved = useRepo(Person, pinia).save([{ id: 2, type: 'ADULT', job: 'Pilot' }, { id: 1, name: 'Pat' }])

    expect(saved.map(person => [person.$getKey(), person.constructor.name])).toEqual([[2, 'Adult'], [1, 'Person']])
  })

  it('keep the fields a record given a subclass type brings, through the subclass\'s repository too', () => {
    const pinia = createPinia()
    useRepo(Person, pinia).save({ id: 1, name: 'Pat' })
    useRepo(Adult, pinia).save({ id: 1, type: 'ADULT', job: 'Pilot' })

    expect(pinia.state.value.person!.data['1']).toEqual({ id: 1, name: 'Pat', type: 'ADULT', companyId: null, job: 'Pilot' })
  })
})
