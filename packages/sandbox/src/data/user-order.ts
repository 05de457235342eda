// The order of a churned tenant's users without storing the users: a treap (a randomly balanced
// binary tree) of pieces, in tenant order. A piece is either a run of consecutive original
// serials [from, from + length) or one single user out of serial order (inserted, or moved).
// A fresh tenant is one run; every insert, delete or move splits at most a piece or two, so the
// tree holds O(operations) pieces whatever the tenant's size, and position -> serial,
// serial -> position, insert and remove are all O(log pieces).
//
// Two facts keep serial -> position cheap. Runs only ever shrink or split, so they stay in
// increasing serial order along the tree; each subtree keeps the smallest run start in it, which
// finds the run holding a serial by one descent. Singles are few and sit in a map; parent
// pointers turn a piece into its position by one climb.

interface Piece {
  /** The first serial of a run, or the serial of a single. */
  from: number;
  /** Users in this piece: 1 for a single. */
  length: number;
  single: boolean;
  priority: number;
  left: Piece | null;
  right: Piece | null;
  parent: Piece | null;
  /** Users in this subtree. */
  size: number;
  /** Smallest `from` of a run in this subtree; Infinity when it has none. */
  minRunFrom: number;
  /** Pieces in this subtree (a measure of what churn costs in memory). */
  pieces: number;
}

const sizeOf = (p: Piece | null): number => (p ? p.size : 0);

function update(p: Piece): void {
  const { left, right } = p;
  p.size = p.length + sizeOf(left) + sizeOf(right);
  p.pieces = 1 + (left ? left.pieces : 0) + (right ? right.pieces : 0);
  p.minRunFrom = Math.min(p.single ? Infinity : p.from, left ? left.minRunFrom : Infinity, right ? right.minRunFrom : Infinity);
  if (left) left.parent = p;
  if (right) right.parent = p;
}

export class UserOrder {
  private root: Piece | null;
  private readonly singles = new Map<number, Piece>();
  private rng: number;

  /** `users` original users in serial order; `seed` only shapes the tree, never the order. */
  constructor(users: number, seed: number) {
    this.rng = seed >>> 0 || 0x9e3779b9;
    this.root = users > 0 ? this.piece(0, users, false) : null;
  }

  get size(): number {
    return sizeOf(this.root);
  }

  /** How many pieces the order is made of: grows with the operations, never with the tenant. */
  get pieces(): number {
    return this.root ? this.root.pieces : 0;
  }

  serialAt(position: number): number {
    if (!Number.isInteger(position) || position < 0 || position >= this.size)
      throw new RangeError(`position must be an integer from 0 to ${this.size - 1}`);
    let p = this.root;
    let k = position;
    while (p) {
      const leftSize = sizeOf(p.left);
      if (k < leftSize) {
        p = p.left;
        continue;
      }
      k -= leftSize;
      if (k < p.length) return p.from + k;
      k -= p.length;
      p = p.right;
    }
    throw new Error('unreachable: position inside the tree');
  }

  positionOf(serial: number): number | undefined {
    const single = this.singles.get(serial);
    if (single) return this.rank(single);
    // The run with the largest start <= serial: runs are in serial order along the tree.
    let p = this.root;
    while (p) {
      if (p.right && p.right.minRunFrom <= serial) {
        p = p.right;
        continue;
      }
      if (!p.single && p.from <= serial) return serial < p.from + p.length ? this.rank(p) + (serial - p.from) : undefined;
      p = p.left;
    }
    return undefined;
  }

  /** Puts a user that is not in the order (a new serial, or one just removed) at a position. */
  insert(position: number, serial: number): void {
    if (!Number.isInteger(position) || position < 0 || position > this.size)
      throw new RangeError(`position must be an integer from 0 to ${this.size}`);
    if (this.positionOf(serial) !== undefined) throw new RangeError(`serial ${serial} is already in the order`);
    const single = this.piece(serial, 1, true);
    this.singles.set(serial, single);
    const [left, right] = this.split(this.root, position);
    this.setRoot(this.merge(this.merge(left, single), right));
  }

  /** Takes the user at a position out of the order; returns its serial. */
  remove(position: number): number {
    if (!Number.isInteger(position) || position < 0 || position >= this.size)
      throw new RangeError(`position must be an integer from 0 to ${this.size - 1}`);
    const [left, rest] = this.split(this.root, position);
    const [one, right] = this.split(rest, 1);
    // A subtree of one user is one piece: no piece is ever empty.
    if (!one || one.length !== 1 || one.left || one.right) throw new Error('unreachable: a one-user subtree is one piece');
    if (one.single) this.singles.delete(one.from);
    this.setRoot(this.merge(left, right));
    return one.from;
  }

  /** A copy that later changes to this order do not touch (for snapshots). */
  clone(): UserOrder {
    const copy = new UserOrder(0, this.rng);
    const walk = (p: Piece | null): Piece | null => {
      if (!p) return null;
      const q: Piece = { ...p, left: walk(p.left), right: walk(p.right), parent: null };
      update(q);
      if (q.single) copy.singles.set(q.from, q);
      return q;
    };
    copy.setRoot(walk(this.root));
    return copy;
  }

  private piece(from: number, length: number, single: boolean): Piece {
    // xorshift32: deterministic priorities, so a given history always builds the same tree.
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return {
      from,
      length,
      single,
      priority: this.rng,
      left: null,
      right: null,
      parent: null,
      size: length,
      minRunFrom: single ? Infinity : from,
      pieces: 1,
    };
  }

  private setRoot(root: Piece | null): void {
    if (root) root.parent = null;
    this.root = root;
  }

  /** The position of a piece's first user: its left subtree, plus everything left of each ancestor it hangs right of. */
  private rank(p: Piece): number {
    let position = sizeOf(p.left);
    let child = p;
    for (let parent = p.parent; parent; child = parent, parent = parent.parent) {
      if (parent.right === child) position += sizeOf(parent.left) + parent.length;
    }
    return position;
  }

  /** The first k users and the rest; a run that straddles k is cut in two. */
  private split(p: Piece | null, k: number): [Piece | null, Piece | null] {
    if (!p) return [null, null];
    const leftSize = sizeOf(p.left);
    if (k <= leftSize) {
      const [a, b] = this.split(p.left, k);
      p.left = b;
      update(p);
      return [a, p];
    }
    const afterSelf = leftSize + p.length;
    if (k >= afterSelf) {
      const [a, b] = this.split(p.right, k - afterSelf);
      p.right = a;
      update(p);
      return [p, b];
    }
    // Only a run has length > 1: p keeps the head, a new run takes the tail and p's right subtree.
    const cut = k - leftSize;
    const tail = this.piece(p.from + cut, p.length - cut, false);
    p.length = cut;
    const right = p.right;
    p.right = null;
    update(p);
    return [p, this.merge(tail, right)];
  }

  /** Every user of a, then every user of b. */
  private merge(a: Piece | null, b: Piece | null): Piece | null {
    if (!a) return b;
    if (!b) return a;
    if (a.priority >= b.priority) {
      a.right = this.merge(a.right, b);
      update(a);
      return a;
    }
    b.left = this.merge(a, b.left);
    update(b);
    return b;
  }
}
