// News from a part built before those who listen to it: they add themselves once they exist, and are told in the
// order they were added. A listener's error reaches the teller (unlike LiveEvents, whose listeners are faces).
export class Listeners<T> {
  private readonly listeners: ((news: T) => void)[] = [];

  add(listener: (news: T) => void): void {
    this.listeners.push(listener);
  }

  tell(news: T): void {
    for (const listener of this.listeners) listener(news);
  }
}
