/** Shown while the profile is read from WeCom: the page's shape, without content. */
export default function Loading() {
  return (
    <main className="page" aria-busy="true" data-testid="profile-skeleton">
      <section className="card profile-head">
        <div className="avatar skeleton" />
        <div style={{ flex: 1 }}>
          <div className="skeleton" style={{ height: 22, width: '40%', marginBottom: 8 }} />
          <div className="skeleton" style={{ height: 14, width: '60%' }} />
        </div>
      </section>
      {[0, 1].map((i) => (
        <section className="card" key={i}>
          {[0, 1, 2, 3].map((j) => (
            <div key={j} className="skeleton" style={{ height: 14, margin: '8px 0', width: `${80 - j * 10}%` }} />
          ))}
        </section>
      ))}
    </main>
  );
}
